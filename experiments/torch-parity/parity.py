import math, numpy as np, torch, torch.nn as nn, torch.nn.functional as F
torch.set_num_threads(1)
L, D, H, T, V, B, S = 2, 32, 2, 16, 64, 4, 30
class Block(nn.Module):
    def __init__(s):
        super().__init__(); s.ln1 = nn.LayerNorm(D); s.qkv = nn.Linear(D, 3 * D); s.proj = nn.Linear(D, D)
        s.ln2 = nn.LayerNorm(D); s.fc = nn.Linear(D, 4 * D); s.out = nn.Linear(4 * D, D)
    def forward(s, x):
        Bb, Tt, C = x.shape
        q, k, v = s.qkv(s.ln1(x)).split(C, dim=2)
        q, k, v = [t.view(Bb, Tt, H, C // H).transpose(1, 2) for t in (q, k, v)]
        att = (q @ k.transpose(-2, -1)) / math.sqrt(C // H)
        att = att.masked_fill(torch.triu(torch.ones(Tt, Tt, dtype=torch.bool), 1), float('-inf')).softmax(-1)
        y = (att @ v).transpose(1, 2).reshape(Bb, Tt, C)
        x = x + s.proj(y)
        return x + s.out(F.gelu(s.fc(s.ln2(x))))
class GPT(nn.Module):
    def __init__(s):
        super().__init__(); s.wte = nn.Embedding(V, D); s.wpe = nn.Embedding(T, D)
        s.blocks = nn.ModuleList([Block() for _ in range(L)]); s.lnf = nn.LayerNorm(D)
    def forward(s, idx):
        x = s.wte(idx) + s.wpe(torch.arange(idx.shape[1]))
        for b in s.blocks: x = b(x)
        return s.lnf(x) @ s.wte.weight.T
m = GPT()
flat = np.fromfile("weights.bin", dtype=np.float32); o = 0
def take(shape):
    global o; n = int(np.prod(shape)); a = torch.from_numpy(flat[o:o + n].reshape(shape).copy()); o += n; return a
with torch.no_grad():
    m.wte.weight.copy_(take((V, D))); m.wpe.weight.copy_(take((T, D)))
    for name, shape in [("ln1.weight", (D,)), ("ln1.bias", (D,)), ("qkv.weight", (3*D, D)), ("qkv.bias", (3*D,)), ("proj.weight", (D, D)), ("proj.bias", (D,)),
                        ("ln2.weight", (D,)), ("ln2.bias", (D,)), ("fc.weight", (4*D, D)), ("fc.bias", (4*D,)), ("out.weight", (D, 4*D)), ("out.bias", (D,))]:
        for b in m.blocks: dict(b.named_parameters())[name].copy_(take(shape))
    m.lnf.weight.copy_(take((D,))); m.lnf.bias.copy_(take((D,)))
assert o == len(flat)
decay = [p for n, p in m.named_parameters() if p.dim() >= 2]; nodecay = [p for n, p in m.named_parameters() if p.dim() < 2]
opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": nodecay, "weight_decay": 0.0}], lr=1.0, betas=(0.9, 0.95), eps=1e-8)
data = np.fromfile("batches.bin", dtype=np.int32).reshape(S, 2, B, T)
cs = [l.split() for l in open("csharp.txt")]
worst = 0
for s in range(S):
    x = torch.from_numpy(data[s, 0].astype(np.int64)); y = torch.from_numpy(data[s, 1].astype(np.int64))
    loss = F.cross_entropy(m(x).reshape(-1, V), y.reshape(-1))
    opt.zero_grad(); loss.backward(); norm = torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0)
    for g in opt.param_groups: g["lr"] = float(cs[s][3])
    opt.step()
    d = abs(loss.item() - float(cs[s][1])); worst = max(worst, d)
    if s % 5 == 0 or s == S - 1: print(f"step {s}: torch loss {loss.item():.6f} scalesim {float(cs[s][1]):.6f}  norm torch {norm.item():.5f} scalesim {float(cs[s][2]):.5f}")
print("worst loss difference", worst)
