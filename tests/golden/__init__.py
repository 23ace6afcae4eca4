"""Golden tests: the generator's whole output for each case under cases/, compared byte for byte."""
