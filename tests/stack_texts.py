"""Stack files the command-line tests hand to the checker, its pre-commit hook, its Action and the installed
wheel: one allowed, one denied, and the variants those tests need. Pulumi-free, so tests/guard can use them."""

ALLOWED = """\
config:
  azure-openai-guarded:service: {cloud: public, location: eastus2, resourceGroupName: rg-support-bot}
  azure-openai-guarded:useCase:
    name: support-bot
    purpose: Answer billing questions in the customer support portal.
    owner: support-platform@example.com
    operator: {sector: commercial, country: US}
    capabilities: [text_generation]
"""
"""A commercial support bot: allowed with no finding."""

DENIED = ALLOWED.replace("sector: commercial", "sector: law_enforcement").replace(
    "[text_generation]", "[facial_recognition]"
)
"""Facial recognition by a US law-enforcement operator: denied."""

WARNED = ALLOWED.replace("sector: commercial", "sector: law_enforcement")
"""Text generation for US law enforcement: allowed with warnings."""

INVALID = ALLOWED.replace("purpose:", "purpos:")
"""A misspelt field: invalid."""

FACES = ALLOWED.replace(
    "capabilities: [text_generation]",
    "servedParties: []\n"
    "    capabilities: [facial_recognition]\n"
    "    facialRecognition: {realtime: false, cameras: [fixed], environment: controlled}",
).replace("Answer billing questions in the customer support portal.", "Verify employees at the office door.")
"""Permitted under the terms (a controlled, fixed-camera check-in for no one else), denied under the strict
profile."""
