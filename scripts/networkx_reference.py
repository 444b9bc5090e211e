#!/usr/bin/env python3
"""Reference values for the silo metrics, computed with networkx.

Writes, under Tests/CodirMetricsTests/Fixtures/:
  generated-org.tsv       a generated organisation: `person<TAB>department` lines, a blank line, then one
                          `actor<TAB>target` line per interaction (pairs repeat: weights; self-loops included,
                          and must be left out)
  expected-silos.json     networkx's modularity, the E-I indices and tie counts for that organisation and for the
                          SNAP email-Eu-core network in ../shared/data/email-eu-core (one message per edge)

Run from the package root: python3 scripts/networkx_reference.py
The Swift tests read these files; they never need Python.
"""
import json
import os
import random

import networkx as nx
from networkx.algorithms.community import modularity

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "CodirMetricsTests", "Fixtures")
EMAIL = os.path.join(ROOT, "..", "shared", "data", "email-eu-core")


def silo_figures(nodes, department, interactions):
    """nodes: ids; department: id -> label; interactions: (a, b) pairs, repeats allowed."""
    G = nx.DiGraph()
    G.add_nodes_from(nodes)
    for a, b in interactions:
        if a == b:
            continue
        if G.has_edge(a, b):
            G[a][b]["weight"] += 1
        else:
            G.add_edge(a, b, weight=1)
    groups = {}
    for n in nodes:
        groups.setdefault(department[n], set()).add(n)
    q = modularity(G, list(groups.values()), weight="weight")
    internal = sum(1 for a, b in G.edges if department[a] == department[b])
    external = G.number_of_edges() - internal
    per_department = {}
    for d in sorted(groups):
        i_g = sum(1 for a, b in G.edges if department[a] == d and department[b] == d)
        e_g = sum(1 for a, b in G.edges if (department[a] == d) != (department[b] == d))
        per_department[str(d)] = {
            "internal_ties": i_g,
            "external_ties": e_g,
            "ei_index": (e_g - i_g) / (e_g + i_g) if e_g + i_g else None,
        }
    # Bridges: other departments each person has a tie with, in either direction.
    reached = {}
    for a, b in G.edges:
        if department[a] != department[b]:
            reached.setdefault(a, set()).add(department[b])
            reached.setdefault(b, set()).add(department[a])
    top = sorted((len(v) for v in reached.values()), reverse=True)[:10]
    return {
        "modularity": q,
        "ei_index": (external - internal) / (external + internal),
        "internal_ties": internal,
        "external_ties": external,
        "total_weight": int(G.size(weight="weight")),
        "departments": per_department,
        "top_bridge_reach": top,
    }


def generated_organisation():
    rng = random.Random(20261129)
    departments = [f"Dept {chr(65 + i)}" for i in range(12)]
    people = []
    department = {}
    for i in range(300):
        pid = f"p{i:03d}"
        people.append(pid)
        department[pid] = departments[min(11, int(rng.paretovariate(1.2)) - 1) if rng.random() < 0.3 else rng.randrange(12)]
    by_department = {}
    for p in people:
        by_department.setdefault(department[p], []).append(p)
    activity = {p: rng.paretovariate(1.5) for p in people}
    interactions = []
    for _ in range(9000):
        a = rng.choices(people, weights=[activity[p] for p in people])[0]
        if rng.random() < 0.02:
            b = a  # a self-loop, to be left out
        elif rng.random() < 0.7:
            b = rng.choice(by_department[department[a]])
        else:
            b = rng.choice(people)
        interactions.append((a, b))
    return people, department, interactions


def main():
    people, department, interactions = generated_organisation()
    with open(os.path.join(FIXTURES, "generated-org.tsv"), "w") as f:
        for p in people:
            f.write(f"{p}\t{department[p]}\n")
        f.write("\n")
        for a, b in interactions:
            f.write(f"{a}\t{b}\n")
    expected = {"generated": silo_figures(people, department, interactions)}

    labels = {}
    with open(os.path.join(EMAIL, "email-Eu-core-department-labels.txt")) as f:
        for line in f:
            n, d = line.split()
            labels[int(n)] = int(d)
    edges = []
    with open(os.path.join(EMAIL, "email-Eu-core.txt")) as f:
        for line in f:
            a, b = map(int, line.split())
            edges.append((a, b))
    expected["email_eu_core"] = silo_figures(sorted(labels), labels, edges)

    with open(os.path.join(FIXTURES, "expected-silos.json"), "w") as f:
        json.dump(expected, f, indent=2, sort_keys=True)
        f.write("\n")
    for name, figures in expected.items():
        print(f"{name}: Q = {figures['modularity']:.5f}, E-I = {figures['ei_index']:.5f}")


if __name__ == "__main__":
    main()
