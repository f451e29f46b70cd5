#!/usr/bin/env python3
"""Builds user-agents.tsv: real User-Agent strings with the CloudFront device headers we expect.

The strings and their device labels come from the test cases that ship inside Yauaa's jar
(nl.basjes.parse.useragent:yauaa 7.32.0 on Maven Central, Apache-2.0, UserAgents/*.yaml):
each case is a real User-Agent with Yauaa's expected DeviceClass and OperatingSystemName.
Those labels are independent of cfsim's rules; this script maps them to CloudFront's six
flags under cfsim's documented defaults (README, "Viewer enrichment"):

  Phone, Mobile -> mobile;  Tablet, eReader -> tablet (+ mobile);  Desktop -> desktop;
  TV, Set-top box -> smart TV;  Game Console, Handheld Game Console -> desktop;
  Robot -> desktop;  Robot Mobile -> mobile (the device the crawler claims);
  iOS = OS iOS/iPadOS (not on TVs);  Android = OS Android or FireOS (Android-based).

Usage: make-corpus.py PATH/TO/yauaa-7.32.0.jar > user-agents.tsv  (needs PyYAML)
The sample is deterministic: per class, the first N cases by SHA-1 of the string.
With --all (after the jar) it writes every usable case instead (3,704), for a check by hand.
"""
import hashlib
import sys
import zipfile

import yaml

PER_CLASS = {"phone": 70, "tablet": 60, "desktop": 70, "smarttv": 45, "console": 40,
             "bot": 60, "in-app": 40}


def cases(jar):
    with zipfile.ZipFile(jar) as z:
        for name in sorted(n for n in z.namelist() if n.startswith("UserAgents/") and n.endswith(".yaml")):
            doc = yaml.safe_load(z.read(name))
            for item in (doc or {}).get("config", []) or []:
                test = item.get("test") if isinstance(item, dict) else None
                if not test or set((test.get("input") or {}).keys()) != {"user_agent_string"}:
                    continue
                expected = test.get("expected") or {}
                if "DeviceClass" in expected:
                    yield name.split("/")[1], str(test["input"]["user_agent_string"]), expected


def label(expected, ua):
    dc = expected["DeviceClass"]
    os_name = expected.get("OperatingSystemName", "")
    agent = expected.get("AgentClass", "")
    if dc in ("Phone", "Mobile", "Tablet", "eReader") and agent in ("Browser Webview", "Mobile App"):
        cls = "in-app"
    elif dc in ("Phone", "Mobile"):
        cls = "phone"
    elif dc in ("Tablet", "eReader"):
        cls = "tablet"
    elif dc == "Desktop":
        cls = "desktop"
    elif dc in ("TV", "Set-top box"):
        cls = "smarttv"
    elif dc in ("Game Console", "Handheld Game Console"):
        cls = "console"
    elif dc in ("Robot", "Robot Mobile"):
        cls = "bot"
    else:
        return None
    tablet = dc in ("Tablet", "eReader")
    mobile = dc in ("Phone", "Mobile", "Robot Mobile") or tablet
    tv = cls == "smarttv"
    desktop = not (mobile or tablet or tv)
    if cls == "bot":
        ios = "iPhone" in ua or "iPad" in ua
        android = "Android" in ua and "Windows Phone" not in ua
    else:
        ios = not tv and os_name in ("iOS", "iPadOS")
        android = os_name in ("Android", "FireOS")
    return cls, (desktop, mobile, tablet, tv, ios, android)


def main():
    take_all = "--all" in sys.argv[2:]
    picked = {c: [] for c in PER_CLASS}
    seen = set()
    for source, ua, expected in cases(sys.argv[1]):
        if ua in seen or "\t" in ua or "\n" in ua:
            continue
        seen.add(ua)
        got = label(expected, ua)
        if got:
            cls, flags = got
            picked[cls].append((hashlib.sha1(ua.encode()).hexdigest(), cls, flags, ua,
                                source + ":" + expected["DeviceClass"]))
    print("# class\tdesktop\tmobile\ttablet\tsmarttv\tios\tandroid\tuser_agent\tsource (Yauaa 7.32.0 test file:DeviceClass)")
    print("empty\ttrue\tfalse\tfalse\tfalse\tfalse\tfalse\t\tCloudFront log with no User-Agent")
    print("empty\ttrue\tfalse\tfalse\tfalse\tfalse\tfalse\t-\tCloudFront log field for a missing User-Agent")
    for cls, n in PER_CLASS.items():
        for _, c, flags, ua, source in sorted(picked[cls])[:None if take_all else n]:
            print("\t".join([c] + ["true" if f else "false" for f in flags] + [ua, source]))


if __name__ == "__main__":
    main()
