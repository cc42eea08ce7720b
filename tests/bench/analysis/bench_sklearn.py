#!/usr/bin/python3
"""The scikit-learn baseline on the benchmark corpus: character 2-3-gram TF-IDF (NFKC-normalised
text) and MiniBatchKMeans with about the cube root of the number of opinions as k, the same k
Machiba's coarse level uses. Prints one JSON line: seconds (reading the file excluded) and the
process's peak resident memory.

    bench_sklearn.py CORPUS.jsonl
"""
import json
import resource
import sys
import time
import unicodedata

from sklearn.cluster import MiniBatchKMeans
from sklearn.feature_extraction.text import TfidfVectorizer


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        texts = [json.loads(line)['text'] for line in f if line.strip()]
    k = round(len(texts) ** (1 / 3))
    started = time.perf_counter()
    normalized = [unicodedata.normalize('NFKC', text) for text in texts]
    matrix = TfidfVectorizer(analyzer='char', ngram_range=(2, 3), sublinear_tf=True,
                             dtype='float32').fit_transform(normalized)
    model = MiniBatchKMeans(n_clusters=k, random_state=1, n_init=1, batch_size=4096)
    labels = model.fit_predict(matrix)
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({'opinions': len(texts), 'clusters': int(labels.max()) + 1,
                      'features': matrix.shape[1], 'seconds': seconds, 'peak_mib': peak_mib}))


if __name__ == '__main__':
    main()
