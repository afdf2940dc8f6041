"""``coursekit collect``: read the worksheets students hand in and write one gradebook.

The site's 下载 Word button writes a .docx whose custom XML part holds the exact answers as JSON
(see ``docs/assets/javascripts/ck-docx.js``); 备份全部答案 writes a JSON file. :mod:`.read` turns
both into :class:`~.submission.Submission` records, :mod:`.columns` lays a worksheet's answers out as
columns, :mod:`.gradebook` picks the latest submission per student and :mod:`.workbook` writes the
.xlsx.
"""
