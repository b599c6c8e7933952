"""Size and time of the whole-agenda pages at N actions.

    .venv/bin/python bench/pages.py [--sizes "1000 10000"] [--rounds 3]

The agenda page, its action table, the evaluation page, the funding overview, the budget table
and the allocation overview, each requested through the test client; prints the median time,
the queries and the size of each, with the target of at most about 500 KB and 1 s. Every
request makes its page anew: the visitors' kept copies (common/pagecache.py) are switched off.
"""

import os
import sys

os.environ["VISITOR_PAGE_CACHE_SECONDS"] = "0"

import _setup  # noqa: E402


def main() -> int:
    args, client = _setup.start(__doc__)
    print(f"median of {args.rounds} requests; target: at most ~500 KB and 1 s per page")
    print(f"{'N':>6}  {'page':<34} {'queries':>7} {'median':>9} {'KB':>8}  within target")
    for size in _setup.parse_sizes(args.sizes):
        agenda = _setup.build(size)
        base = f"/agendas/{agenda.slug}/"
        pages = {
            "agenda page": base,
            "action table": f"{base}acties/",
            "evaluation page": f"{base}evaluatie/",
            "funding overview": f"{base}financiering/",
            "budget table": f"{base}financiering/begroting/",
            "allocation overview": f"{base}financiering/toewijzing/",
        }
        for label, url in pages.items():
            response = client.get(url)
            if response.status_code != 200:
                print(f"{size:>6}  {label:<34} status {response.status_code}")
                continue
            queries = _setup.count_queries(client, url)
            median = _setup.interleaved({"page": lambda u=url: client.get(u)}, args.rounds)["page"]
            kb = len(response.content) / 1000
            ok = "yes" if kb <= 500 and median <= 1 else "NO"
            print(f"{size:>6}  {label:<34} {queries:>7} {median * 1000:>7.0f}ms {kb:>8.0f}  {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
