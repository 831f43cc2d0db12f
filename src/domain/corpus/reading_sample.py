#!/usr/bin/env python3
"""A reading sample for a native reader (see READING.md): 100 random comments of an export, each
with its post, account, the comment it answers and up to three replies under it.

Usage: feedwise export-comments --lang nl --count 2000 --seed S > x.jsonl
       python3 src/domain/corpus/reading_sample.py x.jsonl SAMPLE_SEED > sample.txt
Replies are attached by parent text: two identical comments under one post can swap replies.
"""
import json,sys,random
path,seed=sys.argv[1],int(sys.argv[2])
rows=[json.loads(l) for l in open(path)]
random.seed(seed)
pick=random.sample(range(len(rows)),100)
by_parent={}
for r in rows:
    if r['parent']: by_parent.setdefault((r['post']['caption'],r['parent']),[]).append(r)
for n,i in enumerate(pick,1):
    r=rows[i]; a=r['author']; p=r['post']
    print(f"#{n} [{'SPAM '+r['category'] if r['is_spam'] else 'REAL'}] age {r['age_band']}, {r['platform']} post by {p['creator']}: {p['caption'][:120]}")
    print(f"   account: {a['display_name']} (@{a['username']}) bio: {a['bio']!r}{' link: '+a['bio_link'] if a['bio_link'] else ''}")
    if r['parent']: print(f"   reply under: {r['parent']}")
    print(f"   TEXT: {r['text']}")
    for c in by_parent.get((p['caption'],r['text']),[])[:3]:
        print(f"      ↳ reply by {c['author']['display_name']}: {c['text']}")
    print()
