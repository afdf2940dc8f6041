"""Assessment files made from the question bank (``coursekit questions``): platform imports of the whole bank.

One module per format (学习通 Excel, Word 题库, Moodle XML, GIFT), each a writer ``(reg, out_dir, lang) ->
[paths]`` listed in :data:`coursekit.assess.cli.WRITERS`. All of it is teacher material: every file holds
the answers.
"""
