"""The meeting view of the Overleggen page: agenda, attendance, minute-taking, decisions and actions.

``view.MeetingView`` shows one meeting in four tabs; ``dialogs`` holds the dialogs (new meeting or
series, carry-forward review, move, reopen, vaststellen, outcome); ``commands`` the undo commands the
view pushes on the window's stack beyond the ready-made ones of ``ui/undo.py``.
"""
