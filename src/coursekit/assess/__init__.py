"""Assessment files made from the question bank and the exam blueprint (``coursekit questions``).

One module per output: the platform imports of the whole bank (学习通 Excel, Word 题库, Moodle XML, GIFT) and
the exam papers A and B with their keys and the 考核方案 (:mod:`.papers`). Each writer ``(reg, out_dir,
lang) -> [paths]`` is listed in :data:`coursekit.assess.cli.WRITERS`. All of it is teacher material.
"""
