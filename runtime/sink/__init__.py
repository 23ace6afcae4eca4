"""Sinking: consumers per queue, direct and buffered sinkers, ack after the write, poison handling."""
