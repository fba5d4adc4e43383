"""Reading the secretariat's workbook and writing the merged workbook (openpyxl, no Qt)."""
