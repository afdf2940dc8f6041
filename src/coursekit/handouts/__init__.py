"""Teaching materials made from the course data: handouts, spreadsheets, schedule, print edition.

Output layout (under ``dist/handouts/`` unless ``--out`` says otherwise)::

    <project-slug>/worksheets/<id>.pdf           student worksheet (blank answer space)
    <project-slug>/worksheets/<id>.docx          the same, editable in Word
    <project-slug>/worksheets/<id>.teacher.pdf   with reference answer and rubric
    <project-slug>/sops/<id>.xlsx, <id>.pdf      SOP spreadsheet and printable checklist
    <project-slug>/lessonplans/<id>-教案.docx    a task's 教案 (teacher file)
    <project-slug>/项目实训自评互评表.docx           the project's 自评 / 互评 form (in both zips)
    <project-slug>/cases/<id>.pdf                case handout with discussion questions
    <project-slug>/cases/<id>.teacher.pdf        with the discussion guidance
    <project-slug>.zip, <project-slug>.teacher.zip   教学包: all files of one project
    schedule.xlsx, schedule.pdf                  授课计划
    教学日历.xlsx, 教学日历.pdf                     教学日历 (teacher files; --start, --weekly-hours)

The print edition goes to ``dist/print/course.pdf`` and ``course.teacher.pdf``.
Only :mod:`.paths` is imported by the site; everything else is loaded by the commands.
"""
