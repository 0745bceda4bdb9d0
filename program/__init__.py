"""The project's own Pulumi program glue, beside ``__main__.py``: never packaged, since only this program reads
this project's stack files."""
