#!/usr/bin/python3
"""Writes the analysis benchmark's corpus: a deterministic set of resident opinions as JSONL.

    generate_corpus.py OUT.jsonl [COUNT]

COUNT defaults to 100,000, which gives about 6.5 million characters. The opinions are built from
topic phrases, openings, reasons and endings in several registers, with some copies (double
submissions) and some personal information, so that every stage of the analysis has work to do.
The same COUNT always gives the same file (a fixed-seed generator, no clock, no hashing order).
"""
import json
import random
import sys

TOPICS = {
    'drills': [
        ('ペットと一緒に避難する訓練', '犬や猫を飼っているので'), ('スタンプラリー形式の防災訓練', '子どもが楽しめるので'),
        ('VRで地震を体験するコーナー', '実感がわくので'), ('夜間の避難訓練', '夜に災害が起きたら動けないので'),
        ('高齢者を運ぶ訓練', '近所にお年寄りが多いので'), ('多言語の避難案内', '外国人の住民が増えているので'),
        ('非常食の試食会', 'アレルギーが心配なので'), ('簡易トイレの組み立て体験', '断水したら困るので'),
        ('休日の訓練', '平日は仕事で行けないので'), ('マンション単位の訓練', '高層階からの避難が不安なので'),
    ],
    'youth': [
        ('無料で使える自習室', '家だと集中できないので'), ('中高生が集まれるカフェ', '放課後に行く場所がないので'),
        ('バンド練習のスタジオ', '学校の練習時間が足りないので'), ('匿名で相談できるチャット', '親には言いにくいので'),
        ('無料のWi-Fiと充電スペース', 'ギガが足りないので'), ('夜9時まで開いている児童センター', '部活の後でも行きたいので'),
        ('ダンスの練習ができる部屋', '駅前で練習すると注意されるので'), ('スケボーができる広場', '禁止の場所ばかりなので'),
        ('ボードゲームが置いてある居場所', '友達と気軽に集まりたいので'), ('進路の相談ができる大人', '身近に相談相手がいないので'),
    ],
    'parks': [
        ('きれいなトイレ', '子どもを連れて行けないので'), ('新しい遊具', '今の遊具は錆びていて危ないので'),
        ('日陰と木', '夏は暑くていられないので'), ('ドッグラン', '犬を自由に走らせたいので'),
        ('公園の全面禁煙', 'たばこの煙が気になるので'), ('明るい街灯', '夜の公園が暗くて怖いので'),
        ('背もたれのあるベンチ', '高齢の親が座りやすいので'), ('ボール遊びができる広場', '子どもが思い切り遊べないので'),
        ('水遊びができる場所', '夏に子どもが楽しめるので'), ('花壇と芝生', '緑が少なくて寂しいので'),
    ],
    'streets': [
        ('自転車レーン', '歩道を自転車が走って危ないので'), ('ゴミ出しのルールの周知', '分別しない人が多いので'),
        ('コミュニティバスの増便', '駅まで歩くのがつらいので'), ('横断歩道の信号', '車が多くて渡れないので'),
        ('放置自転車の撤去', '歩道が通れないので'), ('商店街のベンチ', '買い物の途中で休みたいので'),
    ],
}
OPENINGS = ['', '', '', 'いつもお世話になっています。', '子育て中の母です。', '近所に住む者です。', '中学生です。',
            '高齢の者ですが、', 'はじめて意見を送ります。', '毎日通っている者です。', '正直に言うと、']
REQUESTS = ['{t}を作ってほしいです。', '{t}がほしい。', '{t}をぜひお願いします。', '{t}を増やしてください。',
            '{t}を検討していただけないでしょうか。', '{t}、マジでほしい！', '{t}があったら絶対使う。',
            '区として{t}を進めてほしいと思います。', '{t}をもっと充実させてほしい']
ENDINGS = ['', '', 'よろしくお願いします。', '検討をお願いします。', '他の区ではやっていると聞きました。',
           '家族もみんな同じ意見です。', '期待しています！', 'できるだけ早く対応してほしいです。',
           '周りの友だちもそう言っています。', 'Thank you.']
DETAILS = ['', '', '特に{d}。', '{d}が気になります。', '最近は{d}と感じています。']
DETAIL_WORDS = ['週末', '雨の日', '夕方', '夏休み', '朝の時間帯', 'イベントの日', '学校の帰り', '駅の近く']
ENGLISH = ['Please consider {e}.', 'We really need {e} in our area.', 'I would like {e}, thank you.']
ENGLISH_TOPICS = ['a dog run', 'cleaner toilets', 'a study room', 'more shade trees', 'free wifi',
                  'weekend drills', 'a VR earthquake booth', 'better street lights']
AGES = ['10代', '20代', '30代', '40代', '50代', '60代', '70代以上']
DISTRICTS = ['品川', '大崎', '大井', '荏原', '八潮']


def opinion(rng, number):
    campaign = rng.choice(sorted(TOPICS))
    if rng.random() < 0.05:
        return campaign, rng.choice(ENGLISH).format(e=rng.choice(ENGLISH_TOPICS))
    topic, reason = rng.choice(TOPICS[campaign])
    parts = [rng.choice(OPENINGS), reason + '、', rng.choice(REQUESTS).format(t=topic),
             rng.choice(DETAILS).format(d=rng.choice(DETAIL_WORDS)), rng.choice(ENDINGS)]
    text = ''.join(parts)
    if rng.random() < 0.01:
        text += '連絡先は090-{:04d}-{:04d}です。'.format(number % 10000, (number * 7) % 10000)
    if rng.random() < 0.3:
        # A second request, as many residents write more than one thing.
        other, other_reason = rng.choice(TOPICS[campaign])
        text += 'あと、' + other_reason + other + 'もあるといいです。'
    return campaign, text


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    rng = random.Random(20261203)
    rows = []
    characters = 0
    for number in range(count):
        if rows and rng.random() < 0.03:
            campaign, text = rows[rng.randrange(len(rows))][1:3]  # a double submission
        else:
            campaign, text = opinion(rng, number)
        rows.append((f'o{number + 1}', campaign, text))
        characters += len(text)
    with open(out, 'w', encoding='utf-8') as f:
        for identifier, campaign, text in rows:
            f.write(json.dumps({'id': identifier, 'text': text, 'campaign': campaign,
                                'age_band': rng.choice(AGES), 'district': rng.choice(DISTRICTS)},
                               ensure_ascii=False) + '\n')
    print(f'{count} opinions, {characters} characters', file=sys.stderr)


if __name__ == '__main__':
    main()
