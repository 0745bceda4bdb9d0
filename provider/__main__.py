"""The plugin's entry point: serve the azure-openai-guarded components to the Pulumi engine.

Pulumi runs this file when a stack in any language uses a component added with
``pulumi package add <this repository>/provider``; see docs/reuse.md.
"""

from azure_openai_guarded.provider import main

if __name__ == "__main__":
    main()
