#!/usr/bin/env python3
"""Data-scale generator (issue 14, part 3): recipes that grow the demo site to a district-sized school — by default
50 branches, 2,000 members, 20,000 staff and students, 50,000 published items, 200,000 talks and 8,000 quarterly
reports — written as ordinary recipes (Content and Roster steps, CSV roster files) so that they go through the
product's own import path (`recipe run`), its handlers and its indexes, not around them.

    python3 bench/data/generate.py OUT_DIR [--scale 1.0]

--scale multiplies every count (0.01 for a smoke run). Files are numbered in the order to run them; each Content
file holds at most 10,000 items. Deterministic (fixed seed): two runs give the same data. Besides the generated
members, the demo's member1 (D102, branch-1) gets a member's share of talks, so that her 我的联系工作 is measured at
scale, and branch-1 gets a branch's share of news and talks."""
import json, os, random, sys
from datetime import date, timedelta

out = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else sys.exit(__doc__)
scale = float(sys.argv[sys.argv.index("--scale") + 1]) if "--scale" in sys.argv else 1.0
n = lambda x: max(1, int(round(x * scale)))
BRANCHES, MEMBERS, PERSONS, ITEMS, TALKS, REPORTS = n(50), n(2000), n(20000), n(50000), n(200000), n(8000)
CHUNK = 10000
rng = random.Random(20261130)
os.makedirs(out, exist_ok=True)
today = date.today()
year = today.year - 1  # talks and reports of last year (the score's year) and this year so far

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红娥梅琳建国志远文博思雨晨浩宇欣怡子涵俊杰诗琪嘉怡"
SUBJECTS = ["语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "政治", "体育", "音乐", "美术", "信息技术"]
GRADES = ["高一", "高二", "高三", "初一", "初二", "初三"]
PLACES = ["党员活动室", "教研组办公室", "学生宿舍", "操场", "图书馆", "家访", "线上"]
TOPICS = ["Thinking", "FamilyLife", "StudyWork"]
SUMMARIES = [
    "谈了近期的思想状况和对学校工作的看法，对方表示愿意多参加支部组织的活动。",
    "了解了教学和班主任工作中的困难，商定下周一起听课、共同备课。",
    "学生反映学习压力大、睡眠不足，约定每周交流一次学习计划。",
    "交流了家庭困难情况，介绍了学校资助政策，帮助准备申请材料。",
    "对方对食堂和宿舍管理提出意见，已转交后勤处并约定两周内反馈。",
]
NEWS_WORDS = ["谈心谈话", "结对帮学", "主题党日", "走访慰问", "座谈会", "志愿服务", "经典诵读", "学业帮扶", "安全检查", "家校共育"]


def name():
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))


def day_between(start, end):
    return start + timedelta(days=rng.randrange(max(1, (end - start).days)))


def write_recipe(file, steps, comment):
    with open(os.path.join(out, file), "w", encoding="utf-8") as f:
        json.dump({"name": os.path.splitext(os.path.splitext(file)[0])[0], "displayName": comment, "steps": steps}, f, ensure_ascii=False)


branches = [f"bench-branch-{b:02d}" for b in range(1, BRANCHES + 1)]

# 1. Branches: PartyBranch items under the demo's committee.
write_recipe("01-branches.recipe.json", [{"name": "Content", "data": [{
    "ContentItemId": bid, "ContentType": "PartyBranch", "Published": True, "Owner": "committee1", "Author": "committee1",
    "TitlePart": {"Title": f"第{i + 1}党支部（基准）"}, "AutoroutePart": {"Path": f"branches/{bid}"},
    "PartyBranch": {"Parent": {"ContentItemIds": ["branch-committee"]}, "Kind": {"Text": "党支部"},
                    "Description": {"Html": f"<p>第{i + 1}党支部（基准数据）。</p>"}},
} for i, bid in enumerate(branches)]}], "Data scale: branches")

# 2. Roster: members and persons spread evenly over the branches, rows inline under the import template's columns
# (a recipe outside the site's own folder may not name CSV files).
members = [(f"BM{m:05d}", branches[m % BRANCHES]) for m in range(MEMBERS)]
persons = []
MEMBER_COLUMNS = ["工号", "姓名", "性别", "所在支部", "入党日期", "党内职务", "领导干部(是/否)", "学科", "手机"]
PERSON_COLUMNS = ["类别(教职工/学生)", "学号/工号", "姓名", "性别", "所在支部", "岗位", "学科", "年级", "班级", "手机"]
member_rows = [dict(zip(MEMBER_COLUMNS, [number, name(), rng.choice("男女"), branch,
                                         day_between(date(1985, 1, 1), date(2024, 1, 1)).isoformat(), "党员", "否",
                                         rng.choice(SUBJECTS), f"139{rng.randrange(10**8):08d}"])) for number, branch in members]
person_rows = []
for p in range(PERSONS):
    branch = branches[p % BRANCHES]
    if p % 3 == 0:
        number, kind = f"BJ{p:06d}", "Staff"
        person_rows.append(dict(zip(PERSON_COLUMNS, ["教职工", number, name(), rng.choice("男女"), branch, "教师", rng.choice(SUBJECTS), "", "", f"137{rng.randrange(10**8):08d}"])))
    else:
        number, kind = f"BS{p:06d}", "Student"
        person_rows.append(dict(zip(PERSON_COLUMNS, ["学生", number, name(), rng.choice("男女"), branch, "", "", rng.choice(GRADES), f"{rng.randrange(1, 13)}班", ""])))
    persons.append((number, kind, branch))
write_recipe("02-roster.recipe.json", [{"name": "Roster", "Members": member_rows, "Persons": person_rows}], "Data scale: roster")
by_branch = {b: [p for p in persons if p[2] == b] for b in branches}


def chunks(items, prefix, comment):
    items = list(items)
    for c in range(0, len(items), CHUNK):
        write_recipe(f"{prefix}-{c // CHUNK + 1:02d}.recipe.json", [{"name": "Content", "data": items[c:c + CHUNK]}], f"{comment} {c // CHUNK + 1}")


# 3. Published items: branch news, a branch's share of them on branch-1.
def news(i):
    branch = "branch-1" if i < ITEMS // BRANCHES else branches[i % BRANCHES]
    word = rng.choice(NEWS_WORDS)
    title = f"{word}：第{i + 1}期支部动态"
    when = day_between(date(year - 3, 1, 1), today)
    return {"ContentItemId": f"bench-news-{i:06d}", "ContentType": "BranchNews", "Published": True, "Owner": "committee1", "Author": "committee1",
            "CreatedUtc": f"{when.isoformat()}T02:00:00Z", "PublishedUtc": f"{when.isoformat()}T02:00:00Z",
            "TitlePart": {"Title": title}, "AutoroutePart": {"Path": f"branch-news/bench-{i:06d}"},
            "BranchNews": {"Summary": {"Text": f"支部党员开展{word}，听取师生意见建议。"}, "Branch": {"ContentItemIds": [branch]},
                           "EventDate": {"Value": when.isoformat()}},
            "HtmlBodyPart": {"Html": f"<p>支部组织党员开展{word}活动，与所联系的教师和学生面对面交流。</p><p>{rng.choice(SUMMARIES)}</p>"}}


chunks((news(i) for i in range(ITEMS)), "03-news", "Data scale: branch news")


# 4. Talks: each member a member's share, with persons of their branch; member1 (D102) the same share.
def talk(i, member, branch, pool):
    number, kind, _ = rng.choice(pool)
    when = day_between(date(year, 1, 1), today)
    return {"ContentItemId": f"bench-talk-{i:07d}", "ContentType": "Talk", "Published": True, "Owner": "admin", "Author": "admin",
            "TalkPart": {"MemberNumber": member, "PersonKind": kind, "PersonNumber": number, "Date": when.isoformat(),
                         "Place": rng.choice(PLACES), "Occasion": 0, "Topics": [rng.choice(TOPICS)], "Summary": rng.choice(SUMMARIES)}}


per_member = max(1, TALKS // MEMBERS)
demo_pool = [("J001", "Staff", "branch-1"), ("J002", "Staff", "branch-1"), ("S001", "Student", "branch-1")]
talks = [talk(i, "D102", "branch-1", demo_pool) for i in range(per_member)]
talks += [talk(per_member + i, members[i % MEMBERS][0], members[i % MEMBERS][1], by_branch[members[i % MEMBERS][1]])
          for i in range(TALKS - per_member)]
chunks(talks, "04-talks", "Data scale: talks")


# 5. Quarterly reports: every member, the four quarters of last year (approved: published), as far as REPORTS goes.
def report(i, member, quarter):
    return {"ContentItemId": f"bench-report-{i:06d}", "ContentType": "QuarterlyReport", "Published": True, "Owner": "admin", "Author": "admin",
            "QuarterlyReportPart": {"MemberNumber": member, "Quarter": f"{year}-Q{quarter}",
                                    "WorkDone": "本季度联系了分工的教师和学生，开展谈心谈话，了解思想和工作情况。",
                                    "Problems": "个别联系对象课业压力较大，已和班主任沟通。", "Cases": "",
                                    "NextPlan": "下季度继续每月至少谈心一次。",
                                    "FirstSubmittedUtc": f"{date(year, quarter * 3, 28).isoformat()}T02:00:00Z"}}


chunks((report(i, members[i // 4 % MEMBERS][0], i % 4 + 1) for i in range(min(REPORTS, MEMBERS * 4))), "05-reports", "Data scale: reports")

print(f"{out}: {BRANCHES} branches, {MEMBERS} members, {PERSONS} persons, {ITEMS} items, {TALKS} talks, {min(REPORTS, MEMBERS * 4)} reports")
