"""Building documents: loaded data to typed documents with positions, and the editor's JSON Schema."""
