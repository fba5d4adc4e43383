"""The windows' rules that need no widget: which buttons and actions are on, where a window
may go on the screen, how a typed rating reads. Nothing here imports Qt, so every rule is
tested on its own (``tests/unit/``); the windows in ``ui`` only ask and show the answer."""
