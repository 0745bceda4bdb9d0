from .cli import main

raise SystemExit(main(prog="python -m azure_openai_guarded.guards"))
