"""Editors: dialogs and forms that gather input for one service call each (through the undo stack)."""
