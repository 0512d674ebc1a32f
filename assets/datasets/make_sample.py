#!/usr/bin/env python3
"""Writes sample.jsonl: the Switchyard sample replay dataset (152 prompts, six categories).

Every item says how it is graded (tag grader:<kind>) and its category (tag category:<name>); the
references are rules a program can check: a JSON schema with enums, a regex, a substring, a number.
Deterministic: run it again and the file is identical. Written for Switchyard; no third-party data.
"""
import contextlib
import io
import json
import random

rng = random.Random(7)
items = []


def add(category, grader, prompt, reference, system=None, extra_tags=()):
    item = {"prompt": prompt, "reference": reference, "tags": [f"category:{category}", f"grader:{grader}", *extra_tags]}
    if system:
        item["system"] = system
    items.append(item)


# 1. Device commands -> one JSON command, checked with a schema whose enums pin device, action and room.
HOME = ("You control a smart home. Reply with one JSON object only: "
        '{"device": "light|thermostat|blinds|speaker|fan|lock", "action": "on|off|set|open|close|lock|unlock", '
        '"room": "<room>", "value": <number or null>}. No prose.')
device_cases = [
    ("Turn on the kitchen lights", "light", "on", "kitchen", None),
    ("Switch off the lights in the bedroom", "light", "off", "bedroom", None),
    ("Could you light up the living room please", "light", "on", "living room", None),
    ("Kill the lights in the garage", "light", "off", "garage", None),
    ("Set the thermostat in the living room to 21 degrees", "thermostat", "set", "living room", 21),
    ("Make the bedroom 19 degrees", "thermostat", "set", "bedroom", 19),
    ("Heat the office to 23", "thermostat", "set", "office", 23),
    ("Open the blinds in the kitchen", "blinds", "open", "kitchen", None),
    ("Close the bedroom blinds", "blinds", "close", "bedroom", None),
    ("Shut the blinds in the office", "blinds", "close", "office", None),
    ("Lock the front door", "lock", "lock", "front door", None),
    ("Unlock the back door", "lock", "unlock", "back door", None),
    ("Turn the fan on in the bedroom", "fan", "on", "bedroom", None),
    ("Stop the fan in the office", "fan", "off", "office", None),
    ("Play the speaker in the kitchen", "speaker", "on", "kitchen", None),
    ("Turn off the living room speaker", "speaker", "off", "living room", None),
    ("Set the kitchen speaker volume to 30", "speaker", "set", "kitchen", 30),
    ("Dim the dining room lights to 40 percent", "light", "set", "dining room", 40),
    ("Brighten the hallway lights to 80 percent", "light", "set", "hallway", 80),
    ("Turn off the hallway light", "light", "off", "hallway", None),
    ("It's too warm in the office, set it to 20", "thermostat", "set", "office", 20),
    ("Set the living room blinds to 50 percent open", "blinds", "set", "living room", 50),
    ("Lights on in the bathroom", "light", "on", "bathroom", None),
    ("Please lock the garage door", "lock", "lock", "garage", None),
    ("Switch on the fan in the living room", "fan", "on", "living room", None),
]
for prompt, device, action, room, value in device_cases:
    schema = {"type": "object", "required": ["device", "action", "room"],
              "properties": {"device": {"enum": [device]}, "action": {"enum": [action]},
                             "room": {"type": "string", "enum": [room, room.title(), room.capitalize()]}}}
    if value is not None:
        schema["required"].append("value")
        schema["properties"]["value"] = {"type": "number", "minimum": value, "maximum": value}
    add("device", "json", prompt, json.dumps(schema), system=HOME)

# 2. FAQs about a fictional shop whose facts are in the system prompt -> contains the key fact.
SHOP = ("You answer questions for Northwind Outfitters. Facts: returns are accepted within 30 days with a receipt; "
        "shipping is free on orders over $50, otherwise $4.95; standard delivery takes 3 to 5 business days; express "
        "delivery takes 1 business day and costs $12; the support line is open 8am to 6pm Monday to Friday; gift cards "
        "never expire; we ship to Canada and the United States only; price matching is offered within 14 days of "
        "purchase; the loyalty programme gives 1 point per dollar and 100 points are worth $5; store pickup is ready "
        "in 2 hours. Answer in one or two sentences.")
faq = [
    ("How long do I have to return something?", "30 days"),
    ("Can I send back a jacket I bought three weeks ago?", "30 days"),
    ("Is shipping free?", "$50"),
    ("What does shipping cost on a $20 order?", "4.95"),
    ("How long does standard delivery take?", "3 to 5"),
    ("How fast is express delivery?", "1 business day"),
    ("How much is express shipping?", "$12"),
    ("When can I call support?", "8am"),
    ("Is the support line open on Saturday?", "Monday to Friday"),
    ("Do gift cards expire?", "never expire"),
    ("Do you ship to Mexico?", "Canada"),
    ("Which countries do you deliver to?", "United States"),
    ("Do you match prices?", "14 days"),
    ("I saw a lower price 10 days after buying, can I get the difference?", "14 days"),
    ("How many loyalty points do I get per dollar?", "1 point"),
    ("What are 100 loyalty points worth?", "$5"),
    ("How soon is store pickup ready?", "2 hours"),
    ("Do I need a receipt to return an item?", "receipt"),
    ("My order is $49, will shipping be free?", "$50"),
    ("Can I get my order tomorrow?", "express"),
    ("What is your return window?", "30 days"),
    ("Is support available at 7pm?", "6pm"),
    ("If I order on Monday with standard delivery, how many business days until it arrives?", "3 to 5"),
    ("Are gift cards valid next year?", "never expire"),
    ("How do loyalty points convert to money?", "$5"),
]
for q, needle in faq:
    add("faq", "contains", q, needle, system=SHOP)

# 3. Short summaries -> one sentence that keeps the key facts (regex over required terms, any order).
passages = [
    ("The Elm Street bridge will close for repairs from March 3 to March 17. Drivers should use the Oak Avenue detour, "
     "and buses on route 12 will stop at the temporary stop on 5th Street.", ["bridge", "clos", "March"]),
    ("Our quarterly revenue grew 12 percent to 4.2 million dollars, driven by strong sales of the new hiking boots, "
     "while costs stayed flat.", ["revenue", "12"]),
    ("The city library extends its opening hours to 9pm on weekdays starting in June, after a survey showed students "
     "wanted evening study space.", ["library", "9"]),
    ("A water main broke on Pine Road this morning. Crews expect to restore service to the 40 affected homes by 4pm.",
     ["water", "4"]),
    ("The school board approved a new schedule: classes will start at 8:30 instead of 8:00 from next September to "
     "let students sleep longer.", ["8:30", "start"]),
    ("Heavy snow is forecast for Friday night, with up to 30 centimetres expected. The council advises against "
     "non-essential travel.", ["snow", "30"]),
    ("The museum's dinosaur exhibit reopens on Saturday after a two-month renovation that added a life-size "
     "T. rex skeleton.", ["museum|exhibit", "reopen"]),
    ("Version 2.4 of the app fixes the login crash on older phones and adds a dark mode that follows the system "
     "setting.", ["2\\.4|version", "dark mode|login"]),
    ("The farmers market moves from the town square to the riverside park for the summer because of construction "
     "work on the square.", ["market", "park|riverside"]),
    ("Ticket prices for the city pool rise from 4 to 5 euros on July 1 to cover higher energy costs.", ["5", "pool"]),
    ("The hospital opened a new emergency wing with 20 additional beds, cutting average waiting times by a third.",
     ["hospital|emergency", "20|wait"]),
    ("Starting Monday, the number 7 tram runs every 6 minutes at rush hour instead of every 10 minutes.",
     ["tram", "6"]),
    ("The company will let staff work from home three days a week from October, after a successful six-month "
     "trial.", ["home", "three|3"]),
    ("A local bakery won the national bread award for its sourdough, beating 300 other entries.",
     ["bakery|sourdough", "award"]),
    ("The airport's second runway is closed overnight for resurfacing until the end of the month, so night "
     "flights are delayed.", ["runway", "night"]),
    ("Recycling collection moves from Tuesdays to Thursdays in the north district from next week.",
     ["recycling", "Thursday"]),
    ("The park's playground reopened after new safety surfaces were installed under the swings and slides.",
     ["playground", "reopen"]),
    ("Electricity prices will fall by 8 percent next quarter as wholesale gas costs drop.", ["electricity|price", "8"]),
    ("The marathon on Sunday closes the river road from 6am to 2pm; residents should park elsewhere.",
     ["marathon", "road|clos"]),
    ("Our support team now answers chat messages around the clock, up from business hours only.",
     ["chat|support", "clock|24"]),
    ("The council planted 500 trees along the ring road to reduce noise and improve air quality.",
     ["500", "tree"]),
    ("The football club signed a new goalkeeper on a three-year contract after the previous keeper retired.",
     ["goalkeeper", "three|3"]),
    ("A heat warning is in place until Thursday with temperatures up to 36 degrees; drink water and avoid midday "
     "sun.", ["heat", "36|Thursday"]),
    ("The online store now offers same-day delivery in the city centre for orders placed before noon.",
     ["same-day|same day", "noon|centre|center"]),
    ("The concert hall cancelled Friday's show because the lead singer is ill; tickets will be refunded.",
     ["cancel", "refund"]),
]
for text, terms in passages:
    pattern = "".join(f"(?=[\\s\\S]*({t}))" for t in terms)
    add("summary", "regex", "Summarize in one sentence: " + text, "^" + pattern)

# 4. Extraction to JSON -> schema with exact values (enums) for the extracted fields.
first = ["Ana", "Ben", "Chloe", "David", "Elif", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kara", "Liam", "Maya",
         "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wen", "Yara", "Zoe"]
last = ["Silva", "Okafor", "Martin", "Kim", "Yilmaz", "Haddad", "Lee", "Dubois", "Garcia", "Weber", "Novak",
        "Murphy", "Patel", "Berg", "Ivanova", "Ruiz", "Hart", "Costa", "Nair", "Brown", "Ali", "Rossi", "Chen",
        "Haddad", "Fischer"]
for i in range(25):
    name = f"{first[i]} {last[i]}"
    email = f"{first[i].lower()}.{last[i].lower()}@example.com"
    order = f"NW-{rng.randint(10000, 99999)}"
    qty = rng.randint(1, 9)
    body = (f"Hi, this is {name}. I ordered {qty} pairs of socks last week under order {order} but only got one box. "
            f"Please reply to {email}. Thanks!")
    schema = {"type": "object", "required": ["name", "email", "order_id", "quantity"],
              "properties": {"name": {"enum": [name]}, "email": {"enum": [email]}, "order_id": {"enum": [order]},
                             "quantity": {"type": "integer", "minimum": qty, "maximum": qty}}}
    add("extraction", "json", "Extract name, email, order_id and quantity (integer) as JSON from this message: " + body,
        json.dumps(schema), system="Reply with a JSON object only.")

# 5. Code -> either "what does this print" (numeric) or "write a function" (regex on its signature and a keyword).
code_numeric = [
    ("print(sum(range(1, 11)))", 55), ("print(len('switchyard'))", 10), ("print(2 ** 10)", 1024),
    ("x = [3, 1, 4, 1, 5]\nprint(max(x) - min(x))", 4), ("print(17 // 5 + 17 % 5)", 5),
    ("print(sum(i * i for i in range(4)))", 14), ("s = 'banana'\nprint(s.count('a'))", 3),
    ("print(len([c for c in 'routing' if c in 'aeiou']))", 2), ("d = {'a': 1, 'b': 2}\nprint(sum(d.values()) * 3)", 9),
    ("print(int('101', 2))", 5), ("print(round(7 / 2))", 4), ("print(abs(-12) + 3)", 15),
    ("print(sorted([5, 2, 8])[1])", 5),
]
for src, stated in code_numeric:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(src, {})
    value = int(out.getvalue().strip())  # the reference is what Python really prints
    add("code", "numeric", f"What does this Python code print? Answer with the number.\n```python\n{src}\n```", str(value))
code_write = [
    ("Write a Python function is_even(n) that returns True when n is even.", r"def\s+is_even\s*\(\s*n\s*\)[\s\S]*%\s*2"),
    ("Write a Python function reverse_words(s) that reverses the order of words in a sentence.",
     r"def\s+reverse_words\s*\([\s\S]*(split|reversed|\[::-1\])"),
    ("Write a JavaScript function add(a, b) that returns the sum.", r"function\s+add\s*\(\s*a\s*,\s*b\s*\)|add\s*=\s*\(\s*a\s*,\s*b\s*\)\s*=>"),
    ("Write a SQL query selecting all columns from the table orders where total is above 100.",
     r"(?i)select\s+\*\s+from\s+orders\s+where\s+total\s*>\s*100"),
    ("Write a Python function factorial(n) using recursion.", r"def\s+factorial\s*\([\s\S]*factorial\s*\("),
    ("Write a Java method that returns the larger of two ints, named max.", r"int\s+max\s*\(\s*int\s+\w+\s*,\s*int\s+\w+\s*\)"),
    ("Write a regular expression that matches a 5-digit US ZIP code.", r"\\d\{5\}|\[0-9\]\{5\}"),
    ("Write a Python list comprehension that squares the numbers 1 to 5.", r"\[\s*\w+\s*\*\*\s*2\s+for\s+\w+\s+in\s+range\(\s*1\s*,\s*6\s*\)\s*\]|\[\s*\w+\s*\*\s*\w+\s+for"),
    ("Write a bash command that counts the lines of file.txt.", r"wc\s+-l"),
    ("Write a Python function fizzbuzz(n) returning 'Fizz', 'Buzz', 'FizzBuzz' or the number as text.",
     r"def\s+fizzbuzz\s*\([\s\S]*FizzBuzz"),
    ("Write a CSS rule that makes all h1 elements red.", r"h1\s*\{[^}]*color\s*:\s*(red|#f00|#ff0000)"),
    ("Write a Python function that returns the last element of a list, named last.", r"def\s+last\s*\([\s\S]*\[\s*-1\s*\]"),
]
for prompt, pattern in code_write:
    add("code", "regex", prompt, pattern)

# 6. Multi-step reasoning -> a number, computed here.
for i in range(27):
    kind = i % 5
    if kind == 0:
        a, b, c = rng.randint(3, 9), rng.randint(2, 6), rng.randint(5, 20)
        q = (f"A box holds {a} rows of {b} apples. A shop has {c} boxes and sells {a * b} apples. "
             f"How many apples are left?")
        ans = a * b * c - a * b
    elif kind == 1:
        price, qty, disc = rng.randint(10, 40), rng.randint(2, 6), rng.choice([10, 20, 25, 50])
        q = (f"A shirt costs ${price}. You buy {qty} and get {disc}% off the total. How many dollars do you pay?")
        ans = price * qty * (100 - disc) / 100
    elif kind == 2:
        speed, hours, extra = rng.randint(40, 90), rng.randint(2, 5), rng.randint(10, 60)
        q = (f"A train travels at {speed} km/h for {hours} hours, then {extra} km more. How many km in total?")
        ans = speed * hours + extra
    elif kind == 3:
        start, plus, minus = rng.randint(50, 200), rng.randint(10, 50), rng.randint(5, 40)
        q = (f"A library has {start} books. It buys {plus} more, lends out {minus}, and half of the lent books come "
             f"back. How many books are in the library now? Assume {minus} is even." if minus % 2 == 0 else
             f"A library has {start} books. It buys {plus} more and lends out {minus}. How many books are on the "
             f"shelves now?")
        ans = start + plus - minus + (minus // 2 if minus % 2 == 0 else 0)
    else:
        w, h, cost = rng.randint(3, 9), rng.randint(3, 9), rng.randint(5, 15)
        q = (f"A room is {w} m by {h} m. Flooring costs ${cost} per square metre. What does flooring the room cost "
             f"in dollars?")
        ans = w * h * cost
    add("reasoning", "numeric", q + " Think step by step, then give the final number.",
        str(int(ans) if float(ans).is_integer() else ans), extra_tags=("tolerance:0.01",))

with open("sample.jsonl", "w", encoding="utf-8") as f:
    for it in items:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")
print(len(items), "items")
