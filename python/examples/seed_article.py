"""The seed article, notebook style: extract its attribution graph, print
the chains behind each statement, tabulate the depths with pandas, and draw
the graph.

Run from the repository's root:  python python/examples/seed_article.py
(needs pyarrow and pandas for the table; Graphviz's `dot` to render the
picture).
"""

import according

text = open("examples/data/seed_article.txt", encoding="utf-8").read()
graph = according.extract(text, date="2025-11-04", key="seed_article.txt")
print(graph)

# Every attributed statement with its chains: article ← Lee ← spy agency.
profile = graph.profile("seed_article.txt")
for statement in profile.statements:
    if statement.is_unattributed:
        continue
    for chain in graph.chains(statement):
        speakers = [" & ".join(s.name for s in report.sources) or "(unknown)" for report in chain]
        print(graph.depth(statement), " ← ".join(["article", *speakers]))

# The depth histogram of the statements as a pandas table.
reports = graph.reports_table().to_pandas()
statements = reports[reports["id"].isin([s.id for s in profile.statements])]
print(statements.value_counts("longest").sort_index())

# Draw it: `dot -Tsvg seed.dot -o seed.svg`, or graph.to_networkx().
graph.to_dot("seed.dot")
