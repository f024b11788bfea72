"""Regenerates the Python reference vectors the JSON codec tests compare against.

Run with CPython 3 from this folder: python3 generate_vectors.py
  float-repr.txt      one double per line: 16 hex digits of its IEEE bits, a space, Python's repr()
  python-dumps.jsonl  one line per random document: {"doc": doc, "ascii": b64, "utf8": b64, "line": b64},
                      the bytes of json.dumps(doc, indent=2, ensure_ascii=True), of the same with
                      ensure_ascii=False encoded as UTF-8, and of json.dumps(doc, ensure_ascii=False) + LF;
                      "utf8" and "line" are null when doc holds a lone surrogate (UTF-8 cannot carry one)
The output is deterministic (fixed seed).
"""
import base64, json, math, random, struct

rnd = random.Random(20261127)

def bits(x):
    return struct.unpack('>Q', struct.pack('>d', x))[0]

def from_bits(b):
    return struct.unpack('>d', struct.pack('>Q', b))[0]

floats = [0.1, 0.2, 0.3, 1/3, 2/3, 100.0, 1e-4, 1e-5, 9.999999999999999e-05, 1.0000000000000001e-05,
          1e15, 1e16, 9999999999999998.0, 1e16 + 2, 1e22, 1e23, 2e23, 5e-324, 1e-323, 2.2250738585072014e-308,
          2.225073858507201e-308, 1.7976931348623157e308, 123456789012345678.0, 1795715060.4715137,
          0.5, 1.5, 2.5, 1e-7, 123e-7, 9007199254740993.0, 4.35, 0.1 + 0.2, 1e21, 1e-6, 0.001]
for e in range(-1074, 1024, 7):
    floats.append(math.ldexp(1.0, e))
for e in range(-30, 30):
    p = 10.0 ** e
    floats += [p, math.nextafter(p, 0), math.nextafter(p, math.inf)]
for _ in range(1500):
    floats.append(from_bits(rnd.getrandbits(64)))
for _ in range(800):
    floats.append(rnd.uniform(-1e6, 1e6))
for _ in range(300):
    floats.append(round(rnd.uniform(0, 1000), rnd.randint(0, 6)))
floats += [-f for f in floats[:40]]
with open('float-repr.txt', 'w', newline='\n') as out:
    for f in floats:
        if math.isfinite(f):
            out.write('%016x %s\n' % (bits(f), repr(f)))

ALPHABET = (['a', 'Z', ' ', '~', '/', '"', '\\', '\x7f', '\x80', '\xa0', '\xe9', '\u00fc', '\u2028', '\u2029',
             '\ufeff', '\uffff', '\u4e2d', '\U0001F409', '\U0001F525', 'e\u0301', '\x85']
            + [chr(c) for c in range(0x20)])
LONE = ['\ud800', '\udfff', '\udc09', '\ud83d']

def rstring(lone):
    s = ''.join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 8)))
    if lone and rnd.random() < 0.3:
        i = rnd.randint(0, len(s))
        s = s[:i] + rnd.choice(LONE) + s[i:]
    return s

def rvalue(depth, lone):
    k = rnd.randint(0, 9 if depth < 4 else 5)
    if k == 0: return None
    if k == 1: return rnd.random() < 0.5
    if k == 2: return rnd.randint(-10**25, 10**25) if rnd.random() < 0.2 else rnd.randint(-1000, 1000)
    if k == 3: return rnd.choice(floats) if rnd.random() < 0.5 else -0.0
    if k in (4, 5): return rstring(lone)
    if k in (6, 7): return [rvalue(depth + 1, lone) for _ in range(rnd.randint(0, 4))]
    d = {}
    for _ in range(rnd.randint(0, 4)):
        d[rstring(lone)] = rvalue(depth + 1, lone)
    return d

def b64(b):
    return base64.b64encode(b).decode('ascii')

with open('python-dumps.jsonl', 'w', newline='\n') as out:
    for i in range(200):
        lone = i % 4 == 3
        doc = rvalue(0, lone) if i % 5 else {rstring(lone): rvalue(1, lone) for _ in range(3)}
        rec = {'doc': doc, 'ascii': b64(json.dumps(doc, indent=2, ensure_ascii=True).encode('ascii'))}
        try:
            rec['utf8'] = b64(json.dumps(doc, indent=2, ensure_ascii=False).encode('utf-8'))
            rec['line'] = b64((json.dumps(doc, ensure_ascii=False) + '\n').encode('utf-8'))
        except UnicodeEncodeError:
            rec['utf8'] = rec['line'] = None
        out.write(json.dumps(rec) + '\n')
