"""The eventgen generator: protobuf schema in, code, DDL, topology and catalog out."""
