#!/usr/bin/env python3
"""networkx's silo figures for the interactions the chat and mail importers' test fixtures must give.

Run from the package root: python3 scripts/networkx_sources.py. The tests
(Tests/CodirIngestTests/SlackImportTests.swift, MailImportTests.swift, VivaEngageImportTests.swift) assert
these values; networkx is not a test dependency.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from networkx_reference import silo_figures  # noqa: E402

DEPARTMENT = {"alice": "Sales", "bob": "Finance", "carol": "Sales", "dave": "Finance"}
FIXTURES = {
    "slack": [("bob", "alice"), ("carol", "alice"), ("alice", "bob"), ("alice", "carol"), ("alice", "bob"),
              ("carol", "alice"), ("carol", "bob"), ("bob", "alice"), ("dave", "alice")],
    "maildir": [("alice", "bob"), ("alice", "carol"), ("bob", "dave")],
    "viva-engage": [("bob", "alice"), ("carol", "bob")],
}

for name, interactions in FIXTURES.items():
    figures = silo_figures(sorted(DEPARTMENT), DEPARTMENT, interactions)
    print(f"{name}: Q = {figures['modularity']:.6f}, E-I = {figures['ei_index']:.6f}, "
          f"ties within {figures['internal_ties']}, across {figures['external_ties']}")
