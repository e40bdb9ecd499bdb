"""One module per view, each with its `VIEW` declaration (`dashboard.model.view.View`); the
registry finds them here."""
