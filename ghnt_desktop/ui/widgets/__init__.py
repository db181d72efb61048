"""Small reusable widgets: the stacked bar chart and the status editor of tables."""
