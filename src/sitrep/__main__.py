"""`python -m sitrep` runs the CLI."""
from .cli import app

app(prog_name="sitrep")
