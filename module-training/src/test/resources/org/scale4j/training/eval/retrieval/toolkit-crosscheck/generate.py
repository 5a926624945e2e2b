import numpy as np, json, os
rng = np.random.default_rng(5)
def save(d, ids, feats, labels):
    os.makedirs(d, exist_ok=True)
    np.save(f"{d}/id.npy", np.array(ids))
    np.save(f"{d}/t_feature_np.npy", feats.astype(np.float32))
    feats.astype('<f4').tofile(f"{d}/feats.bin")
    open(f"{d}/ids.txt","w").write("\n".join(ids)+"\n")
    open(f"{d}/labels.txt","w").write("\n".join(str(l) for l in labels)+"\n")
dim=16
# leave-one-out set
n=600
f=rng.integers(-3,4,size=(n,dim)).astype(np.float32)
lab=rng.integers(0,30,size=n)
ids=[f"id{i}" for i in range(n)]
save("loo", ids, f, lab)
json.dump({i:{"title":"","label":str(l),"url":""} for i,l in zip(ids,lab)}, open("gt_loo.json","w"))
# separate sets: 500 gallery, 120 queries of which 20 are gallery items
g=rng.integers(-3,4,size=(500,dim)).astype(np.float32); gl=rng.integers(0,25,size=500); gids=[f"g{i}" for i in range(500)]
q=rng.integers(-3,4,size=(100,dim)).astype(np.float32); ql=rng.integers(0,30,size=100); qids=[f"q{i}" for i in range(100)]
pick=rng.choice(500,20,replace=False)
q=np.concatenate([q,g[pick]]); ql=np.concatenate([ql,gl[pick]]); qids=qids+[gids[i] for i in pick]
save("gallery", gids, g, gl); save("query", qids, q, ql)
gt={i:{"title":"","label":str(l),"url":""} for i,l in zip(gids,gl)}
gt.update({i:{"title":"","label":str(l),"url":""} for i,l in zip(qids,ql)})
json.dump(gt, open("gt_sep.json","w"))
