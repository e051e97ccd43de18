"""Reading files: the YAML loader and line scanner, the parse cache, suppression comments, writing YAML back."""
