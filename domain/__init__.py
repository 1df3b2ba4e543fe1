"""Domain rules shared by the layers: identifiers, names."""
