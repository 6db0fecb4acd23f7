"""Real published documents of different agencies, entered in the document model and
compared, element by element, with the original (issue #15, "How it is shown")."""
