"""What a user asks for, end to end: open my file, verify, merge, the demo.

The windows and the command line ask these modules; they compose the layers below (domain,
storage, excel) and never import Qt.
"""
