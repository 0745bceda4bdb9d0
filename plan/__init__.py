"""The offline plan: run the Pulumi program under Pulumi's mock engine, with no cloud account.

``python -m plan [PATH ...]`` runs every stack file through the real program
and prints the resources it would register and the guard's verdict.
"""
