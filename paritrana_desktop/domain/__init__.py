"""The award's concepts as plain data: event, rubric, schedule, roster, scorecards, totals.

Nothing here imports Qt, SQLite or openpyxl.
"""
