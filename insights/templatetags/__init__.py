"""Template tags of insights: the operator dashboard on the admin index."""
