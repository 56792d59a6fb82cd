"""The Qt layer of the desk: widgets, models and dialogs. The only code that imports Qt."""
