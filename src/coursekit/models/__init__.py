"""One pydantic schema per content kind."""

from .bibliography import Source
from .case import Case
from .course import Course, Project
from .glossary import Term
from .lesson import Lesson, Practice, PracticeStep, ProjectPage
from .lessonplan import LessonPlan
from .question import QuestionBank
from .sop import Sop
from .story import Story
from .worksheet import Worksheet

__all__ = ["Case", "Course", "Lesson", "LessonPlan", "Practice", "PracticeStep", "Project", "ProjectPage", "QuestionBank", "Sop", "Source", "Story", "Term",
           "Worksheet"]
