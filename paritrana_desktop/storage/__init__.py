"""The event file and the judges' panel files: schema, migrations, audit chain, locking, copies.

Nothing here imports Qt.
"""
