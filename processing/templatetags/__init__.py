"""Template tags of processing: the operator dashboard on the admin index."""
