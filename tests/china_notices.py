"""China's national working-day schedule, 2004-2026, transcribed from the State Council notices.

What this is
------------
One :class:`YearSchedule` per year, each transcribing the General Office of the State Council's
yearly notice 国务院办公厅关于X年部分节假日安排的通知 (放假调休安排) as amended later in that
year: the breaks (runs of days off), the weekend days worked instead (调休上班), and the
statutory holidays (法定节假日) under the 全国年节及纪念日放假办法 in force.  It is data only;
the library ships it as one ``load_schedule`` JSON file a year
(``src/qsdomain/calendars/data/YYYY.json``, written from this module by
``benchmarks/make_china_json.py``; ``tests/test_china_schedule_data.py`` checks that the files
equal it day for day), and this module stays as the reviewer's break-by-break record with the
notices' own words and each break's festival and statutory days.  A day is a working day when
it is Monday-Friday and not inside any break, or when it is listed as a make-up working day.
Regional extensions (e.g. Hubei, early 2020) and ethnic-minority festivals (放假办法 art. 4) are
outside this national schedule.

Conventions
-----------
* A year's entry is its notice, not a calendar year: a break or a make-up day that falls in the
  previous December belongs to the notice that announced it (e.g. the 2019 notice's New Year
  break 2018-12-30..2019-01-01 and its make-up Saturday 2018-12-29).  Consumers take the union.
* ``Break.first``/``last`` is the span the notice gives ("X日至Y日放假").  Where it says
  "X日放假，与周末连休" the joined weekend is included (the notice announces one continuous
  break); where it says "X日放假，Y日补休" the span runs from X to Y; where it gives a single
  day ("X日放假", "放假1天") the break is that day alone and ordinary adjacent weekends are
  not added.  Breaks may contain ordinary weekends.
* ``statutory_days`` are the festival's own days under the 放假办法 in force (农历 dates for
  the lunar festivals, 清明 = the solar term day), even when they fall on a weekend; for a
  merged 中秋节+国庆节 break they are both festivals' days.  In 2009 and 2020 中秋节 fell on a
  国庆节 statutory day (3 Oct 2009, 1 Oct 2020), so the break lists that date once.
* ``makeup_working_days`` and ``breaks`` are the FINAL effective schedule after amendments;
  the amendments are listed on the year.
* ``published`` is the date the notice bears (成文日期, the date under 国务院办公厅).  Where
  that date was not found (2004, 2005, 2008, 2009) see "Gaps" below.

Statutory basis (全国年节及纪念日放假办法)
--------------------------------------------
* 国务院令第270号, 1999-09-18 (in force on publication; applies to 2004-2007): 10 days =
  新年 1 (1 Jan), 春节 3 (正月初一、初二、初三), 劳动节 3 (1-3 May), 国庆节 3 (1-3 Oct).
* 国务院令第513号, 2007-12-14, in force 2008-01-01 (2008-2013): 11 days = 新年 1, 春节 3
  (农历除夕、正月初一、初二), 清明节 1 (农历清明当日), 劳动节 1 (1 May), 端午节 1, 中秋节 1,
  国庆节 3.
* 国务院令第644号, 2013-12-11, in force 2014-01-01 (2014-2024): 春节 becomes 正月初一、初二、
  初三 (除夕 no longer statutory); still 11 days.
* 国务院令第795号, 2024-11-10, in force 2025-01-01 (2025-): 13 days; 春节 4 (农历除夕、正月
  初一至初三), 劳动节 2 (1-2 May); new art. 7: "除个别特殊情形外，法定节假日假期前后连续工作
  一般不超过6天".  Art. 6 (all versions): a statutory day on a Saturday or Sunday is made up
  on a working day (补假).

Sources (numbers, dates and texts were checked against reposts of the notices; see
docs/calendar-data.md for each year's sources and the disagreements found)
------------------------------------------------------------------------------------------
2004 国办发明电〔2003〕53号 | 2005 国办发明电〔2004〕52号 | 2006 国办发明电〔2005〕35号 |
2007 国办发明电〔2006〕49号 | 2008 国办发明电〔2007〕52号 | 2009 国办发明电〔2008〕42号 |
2010 国办发明电〔2009〕27号 | 2011 国办发明电〔2010〕40号 | 2012 国办发明电〔2011〕45号 |
2013 国办发明电〔2012〕33号 | 2014 国办发明电〔2013〕28号 | 2015 国办发明电〔2014〕28号 |
2016 国办发明电〔2015〕18号 | 2017 国办发明电〔2016〕17号 | 2018 国办发明电〔2017〕12号 |
2019 国办发明电〔2018〕15号 | 2020 国办发明电〔2019〕16号 | 2021 国办发明电〔2020〕27号 |
2022 国办发明电〔2021〕11号 | 2023 国办发明电〔2022〕16号 | 2024 国办发明电〔2023〕7号 |
2025 国办发明电〔2024〕12号 | 2026 国办发明电〔2025〕7号.
Amendments: 国发明电〔2015〕1号 (国务院, 2015-05-13: 3 Sep 2015 Victory Day, 3-5 Sep off,
6 Sep worked); 国办发明电〔2019〕3号 (2019-03-22: Labour Day 2019 to 1-4 May, 28 Apr and 5 May
worked); 国办发明电〔2020〕1号 (2020-01-26: Spring Festival 2020 extended to 2 Feb, which
cancels the make-up Saturday 1 Feb 2020).

Gaps (read before relying on the early years)
---------------------------------------------
* 2004, 2005: no text of the notice on a government site was found.  The arrangements rest on
  transcriptions of the notice texts quoted in public source code (zh.wikisource for 2004; a
  reposted text for 2005), a contemporary account of the 2004 schedule (a blog post of
  2003-12-26), the Xinjiang government's 2005 Spring Festival notice quoting the national one,
  and both cross-check packages; all agree.  The notice numbers and dates (2003-12-18,
  2004-12-17) come from secondary sources only (public code citing government reposts).
* 2008, 2009: the texts were found (news reposts, 2007-12-18 and 2008-12-10), but not the date
  under the signature; ``published`` is the date of first publication on gov.cn.  The 2008
  notice number comes from secondary sources only.
* 2015: the notice number 国办发明电〔2014〕28号 comes from secondary sources; the text and
  date were found.  2025, 2026: texts and dates found in Xinhua reposts; the numbers were seen
  only in unofficial reposts (a mirror of the 2025 notice, a forum repost of the 2026 one) and
  in secondary lists.

Cross-checks
------------
Every day 2004-01-01..2026-12-31 was compared with ``chinesecalendar`` 1.11.0 and ``holidays``
0.109 (tests/test_china_schedule_data.py).  Facts only (dates) were compared; no code or data
was copied from either package.  Known disagreements are listed, with reasons, in that test
module and in docs/calendar-data.md.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

__all__ = [
    "DRAGON_BOAT",
    "FESTIVAL_NAMES_ZH",
    "LABOUR_DAY",
    "MID_AUTUMN",
    "NATIONAL_DAY",
    "NEW_YEAR",
    "QINGMING",
    "RULE_1999",
    "RULE_2007",
    "RULE_2013",
    "RULE_2024",
    "SCHEDULES",
    "SPRING_FESTIVAL",
    "VICTORY_DAY_2015",
    "Amendment",
    "Break",
    "YearSchedule",
]

NEW_YEAR = "new_year"  # 元旦（新年）
SPRING_FESTIVAL = "spring_festival"  # 春节
QINGMING = "qingming"  # 清明节
LABOUR_DAY = "labour_day"  # 劳动节
DRAGON_BOAT = "dragon_boat"  # 端午节
MID_AUTUMN = "mid_autumn"  # 中秋节
NATIONAL_DAY = "national_day"  # 国庆节
VICTORY_DAY_2015 = "victory_day_2015"  # 2015 one-off: 抗战胜利70周年纪念日 (国发明电〔2015〕1号)

FESTIVAL_NAMES_ZH: dict[str, str] = {
    NEW_YEAR: "元旦",
    SPRING_FESTIVAL: "春节",
    QINGMING: "清明节",
    LABOUR_DAY: "劳动节",
    DRAGON_BOAT: "端午节",
    MID_AUTUMN: "中秋节",
    NATIONAL_DAY: "国庆节",
    VICTORY_DAY_2015: "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}

# Versions of 全国年节及纪念日放假办法 (values of YearSchedule.statutory_rule).
RULE_1999 = "国务院令第270号 (1999)"  # in force 1999-09-18 .. 2007-12-31: 10 days
RULE_2007 = "国务院令第513号 (2007)"  # in force 2008-01-01 .. 2013-12-31: 11 days
RULE_2013 = "国务院令第644号 (2013)"  # in force 2014-01-01 .. 2024-12-31: 11 days
RULE_2024 = "国务院令第795号 (2024)"  # in force 2025-01-01 ..: 13 days


class Break(NamedTuple):
    """One continuous run of days off announced by a notice (放假调休安排).

    ``festival`` is one of the festival keys above; for a merged 中秋节+国庆节 break it is
    ``NATIONAL_DAY`` and ``also`` names ``MID_AUTUMN``.  ``first``..``last`` is inclusive.
    ``statutory_days`` are the statutory holidays (法定节假日) inside the break under the
    放假办法 in force, for all festivals of the break, in date order.
    """

    festival: str
    first: date
    last: date
    statutory_days: tuple[date, ...]
    also: tuple[str, ...] = ()


class Amendment(NamedTuple):
    """A later notice that changed the year's arrangement."""

    notice: str
    title: str
    published: date
    summary: str


class YearSchedule(NamedTuple):
    """The arrangement announced by one yearly notice, final after its amendments."""

    year: int
    notice: str
    title: str
    published: date
    breaks: tuple[Break, ...]
    makeup_working_days: tuple[date, ...]
    amendments: tuple[Amendment, ...] = ()
    statutory_rule: str = ""


SCHEDULES: tuple[YearSchedule, ...] = (
    YearSchedule(
        year=2004,
        notice="国办发明电〔2003〕53号",
        title="国务院办公厅关于2004年部分节假日安排的通知",
        published=date(2003, 12, 18),
        breaks=(
            # 一、元旦：1月1日放假。
            Break(
                NEW_YEAR,
                date(2004, 1, 1),
                date(2004, 1, 1),
                (date(2004, 1, 1),),
            ),
            # 二、春节：1月22日—28日（即农历大年初一至初七）放假，共7天……1月17日、18日上班。
            Break(
                SPRING_FESTIVAL,
                date(2004, 1, 22),
                date(2004, 1, 28),
                (date(2004, 1, 22), date(2004, 1, 23), date(2004, 1, 24)),
            ),
            # 三、“五一”：5月1日—7日放假，共7天……5月8日、9日上班。
            Break(
                LABOUR_DAY,
                date(2004, 5, 1),
                date(2004, 5, 7),
                (date(2004, 5, 1), date(2004, 5, 2), date(2004, 5, 3)),
            ),
            # 四、“十一”：10月1日—7日放假，共7天……10月9日、10日上班。
            Break(
                NATIONAL_DAY,
                date(2004, 10, 1),
                date(2004, 10, 7),
                (date(2004, 10, 1), date(2004, 10, 2), date(2004, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2004, 1, 17),
            date(2004, 1, 18),
            date(2004, 5, 8),
            date(2004, 5, 9),
            date(2004, 10, 9),
            date(2004, 10, 10),
        ),
        statutory_rule=RULE_1999,
    ),
    YearSchedule(
        year=2005,
        notice="国办发明电〔2004〕52号",
        title="国务院办公厅关于2005年部分节假日安排的通知",
        published=date(2004, 12, 17),
        breaks=(
            # 一、元旦：1月1日—3日放假，共3天。
            Break(
                NEW_YEAR,
                date(2005, 1, 1),
                date(2005, 1, 3),
                (date(2005, 1, 1),),
            ),
            # 二、春节：2月9日—15日（农历大年初一至初七）放假，共7天……2月5日、6日上班。
            Break(
                SPRING_FESTIVAL,
                date(2005, 2, 9),
                date(2005, 2, 15),
                (date(2005, 2, 9), date(2005, 2, 10), date(2005, 2, 11)),
            ),
            # 三、“五一”：5月1日—7日放假，共7天……4月30日、5月8日上班。
            Break(
                LABOUR_DAY,
                date(2005, 5, 1),
                date(2005, 5, 7),
                (date(2005, 5, 1), date(2005, 5, 2), date(2005, 5, 3)),
            ),
            # 四、“十一”：10月1日—7日放假，共7天……10月8日、9日上班。
            Break(
                NATIONAL_DAY,
                date(2005, 10, 1),
                date(2005, 10, 7),
                (date(2005, 10, 1), date(2005, 10, 2), date(2005, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2005, 2, 5),
            date(2005, 2, 6),
            date(2005, 4, 30),
            date(2005, 5, 8),
            date(2005, 10, 8),
            date(2005, 10, 9),
        ),
        statutory_rule=RULE_1999,
    ),
    YearSchedule(
        year=2006,
        notice="国办发明电〔2005〕35号",
        title="国务院办公厅关于2006年部分节假日安排的通知",
        published=date(2005, 12, 16),
        breaks=(
            # 一、元旦：1月1日—3日放假，共3天……12月31日（星期六）上班。
            Break(
                NEW_YEAR,
                date(2006, 1, 1),
                date(2006, 1, 3),
                (date(2006, 1, 1),),
            ),
            # 二、春节：1月29日—2月4日（即农历大年初一至初七）放假，共7天……1月28日、2月5日上班。
            Break(
                SPRING_FESTIVAL,
                date(2006, 1, 29),
                date(2006, 2, 4),
                (date(2006, 1, 29), date(2006, 1, 30), date(2006, 1, 31)),
            ),
            # 三、“五一”：5月1日—7日放假，共7天……4月29日、30日上班。
            Break(
                LABOUR_DAY,
                date(2006, 5, 1),
                date(2006, 5, 7),
                (date(2006, 5, 1), date(2006, 5, 2), date(2006, 5, 3)),
            ),
            # 四、“十一”：10月1日—7日放假，共7天……9月30日、10月8日上班。
            Break(
                NATIONAL_DAY,
                date(2006, 10, 1),
                date(2006, 10, 7),
                (date(2006, 10, 1), date(2006, 10, 2), date(2006, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2005, 12, 31),
            date(2006, 1, 28),
            date(2006, 2, 5),
            date(2006, 4, 29),
            date(2006, 4, 30),
            date(2006, 9, 30),
            date(2006, 10, 8),
        ),
        statutory_rule=RULE_1999,
    ),
    YearSchedule(
        year=2007,
        notice="国办发明电〔2006〕49号",
        title="国务院办公厅关于2007年部分节假日安排的通知",
        published=date(2006, 12, 14),
        breaks=(
            # 一、元旦：1月1日—3日放假，共3天……2006年12月30日（星期六）、31日（星期日）上班。
            Break(
                NEW_YEAR,
                date(2007, 1, 1),
                date(2007, 1, 3),
                (date(2007, 1, 1),),
            ),
            # 二、春节：2月18日—24日（即农历大年初一至初七）放假，共7天……17日、25日上班。
            Break(
                SPRING_FESTIVAL,
                date(2007, 2, 18),
                date(2007, 2, 24),
                (date(2007, 2, 18), date(2007, 2, 19), date(2007, 2, 20)),
            ),
            # 三、“五一”：5月1日—7日放假，共7天……4月28日、29日上班。
            Break(
                LABOUR_DAY,
                date(2007, 5, 1),
                date(2007, 5, 7),
                (date(2007, 5, 1), date(2007, 5, 2), date(2007, 5, 3)),
            ),
            # 四、“十一”：10月1日—7日放假，共7天……9月29日、30日上班。
            Break(
                NATIONAL_DAY,
                date(2007, 10, 1),
                date(2007, 10, 7),
                (date(2007, 10, 1), date(2007, 10, 2), date(2007, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2006, 12, 30),
            date(2006, 12, 31),
            date(2007, 2, 17),
            date(2007, 2, 25),
            date(2007, 4, 28),
            date(2007, 4, 29),
            date(2007, 9, 29),
            date(2007, 9, 30),
        ),
        statutory_rule=RULE_1999,
    ),
    YearSchedule(
        year=2008,
        notice="国办发明电〔2007〕52号",
        title="国务院办公厅关于2008年部分节假日安排的通知",
        published=date(2007, 12, 18),
        breaks=(
            # 一、元旦：2007年12月30日—2008年1月1日放假，共3天……12月29日（星期六）上班。
            Break(
                NEW_YEAR,
                date(2007, 12, 30),
                date(2008, 1, 1),
                (date(2008, 1, 1),),
            ),
            # 二、春节：2月6日—12日（即农历除夕至正月初六）放假，共7天……2月2日（星期六）、2月3日（星
            # 期日）上班。
            Break(
                SPRING_FESTIVAL,
                date(2008, 2, 6),
                date(2008, 2, 12),
                (date(2008, 2, 6), date(2008, 2, 7), date(2008, 2, 8)),
            ),
            # 三、清明节：4月4日—6日放假，共3天。
            Break(
                QINGMING,
                date(2008, 4, 4),
                date(2008, 4, 6),
                (date(2008, 4, 4),),
            ),
            # 四、“五一”国际劳动节：5月1日—3日放假，共3天……5月4日（星期日）上班。
            Break(
                LABOUR_DAY,
                date(2008, 5, 1),
                date(2008, 5, 3),
                (date(2008, 5, 1),),
            ),
            # 五、端午节：6月7日—9日放假，共3天。
            Break(
                DRAGON_BOAT,
                date(2008, 6, 7),
                date(2008, 6, 9),
                (date(2008, 6, 8),),
            ),
            # 六、中秋节：9月13日—15日放假，共3天。
            Break(
                MID_AUTUMN,
                date(2008, 9, 13),
                date(2008, 9, 15),
                (date(2008, 9, 14),),
            ),
            # 七、国庆节：9月29日—10月5日放假，共7天……9月27日（星期六）、9月28日（星期日）上班。
            Break(
                NATIONAL_DAY,
                date(2008, 9, 29),
                date(2008, 10, 5),
                (date(2008, 10, 1), date(2008, 10, 2), date(2008, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2007, 12, 29),
            date(2008, 2, 2),
            date(2008, 2, 3),
            date(2008, 5, 4),
            date(2008, 9, 27),
            date(2008, 9, 28),
        ),
        statutory_rule=RULE_2007,
    ),
    YearSchedule(
        year=2009,
        notice="国办发明电〔2008〕42号",
        title="国务院办公厅关于2009年部分节假日安排的通知",
        published=date(2008, 12, 10),
        breaks=(
            # 一、元旦：1月1日至3日放假，共3天……1月4日（星期日）上班。
            Break(
                NEW_YEAR,
                date(2009, 1, 1),
                date(2009, 1, 3),
                (date(2009, 1, 1),),
            ),
            # 二、春节：1月25日至31日放假，共7天……1月24日（星期六）、2月1日（星期日）上班。
            Break(
                SPRING_FESTIVAL,
                date(2009, 1, 25),
                date(2009, 1, 31),
                (date(2009, 1, 25), date(2009, 1, 26), date(2009, 1, 27)),
            ),
            # 三、清明节：4月4日至6日放假，共3天。
            Break(
                QINGMING,
                date(2009, 4, 4),
                date(2009, 4, 6),
                (date(2009, 4, 4),),
            ),
            # 四、劳动节：5月1日至3日放假，共3天。
            Break(
                LABOUR_DAY,
                date(2009, 5, 1),
                date(2009, 5, 3),
                (date(2009, 5, 1),),
            ),
            # 五、端午节：5月28日至30日放假，共3天……5月31日（星期日）上班。
            Break(
                DRAGON_BOAT,
                date(2009, 5, 28),
                date(2009, 5, 30),
                (date(2009, 5, 28),),
            ),
            # 六、国庆节、中秋节：10月1日至8日放假，共8天……9月27日（星期日）、10月10日（星期六）上班
            # 。[注：中秋节为10月3日，与国庆节法定假日重合]
            Break(
                NATIONAL_DAY,
                date(2009, 10, 1),
                date(2009, 10, 8),
                (date(2009, 10, 1), date(2009, 10, 2), date(2009, 10, 3)),
                also=(MID_AUTUMN,),
            ),
        ),
        makeup_working_days=(
            date(2009, 1, 4),
            date(2009, 1, 24),
            date(2009, 2, 1),
            date(2009, 5, 31),
            date(2009, 9, 27),
            date(2009, 10, 10),
        ),
        statutory_rule=RULE_2007,
    ),
    YearSchedule(
        year=2010,
        notice="国办发明电〔2009〕27号",
        title="国务院办公厅关于2010年部分节假日安排的通知",
        published=date(2009, 12, 7),
        breaks=(
            # 一、元旦：1月1日至3日放假公休，共3天。
            Break(
                NEW_YEAR,
                date(2010, 1, 1),
                date(2010, 1, 3),
                (date(2010, 1, 1),),
            ),
            # 二、春节：2月13日至19日放假调休，共7天。2月20日（星期六）、21日（星期日）上班。
            Break(
                SPRING_FESTIVAL,
                date(2010, 2, 13),
                date(2010, 2, 19),
                (date(2010, 2, 13), date(2010, 2, 14), date(2010, 2, 15)),
            ),
            # 三、清明节：4月3日至5日放假公休，共3天。
            Break(
                QINGMING,
                date(2010, 4, 3),
                date(2010, 4, 5),
                (date(2010, 4, 5),),
            ),
            # 四、劳动节：5月1日至3日放假公休，共3天。
            Break(
                LABOUR_DAY,
                date(2010, 5, 1),
                date(2010, 5, 3),
                (date(2010, 5, 1),),
            ),
            # 五、端午节：6月14日至16日放假调休，共3天。6月12日（星期六）、13日（星期日）上班。
            Break(
                DRAGON_BOAT,
                date(2010, 6, 14),
                date(2010, 6, 16),
                (date(2010, 6, 16),),
            ),
            # 六、中秋节：9月22日至24日放假调休，共3天。9月19日（星期日）、25日（星期六）上班。
            Break(
                MID_AUTUMN,
                date(2010, 9, 22),
                date(2010, 9, 24),
                (date(2010, 9, 22),),
            ),
            # 七、国庆节：10月1日至7日放假调休，共7天。9月26日（星期日）、10月9日（星期六）上班。
            Break(
                NATIONAL_DAY,
                date(2010, 10, 1),
                date(2010, 10, 7),
                (date(2010, 10, 1), date(2010, 10, 2), date(2010, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2010, 2, 20),
            date(2010, 2, 21),
            date(2010, 6, 12),
            date(2010, 6, 13),
            date(2010, 9, 19),
            date(2010, 9, 25),
            date(2010, 9, 26),
            date(2010, 10, 9),
        ),
        statutory_rule=RULE_2007,
    ),
    YearSchedule(
        year=2011,
        notice="国办发明电〔2010〕40号",
        title="国务院办公厅关于2011年部分节假日安排的通知",
        published=date(2010, 12, 9),
        breaks=(
            # 一、元旦：1月1日至3日放假公休，共3天。
            Break(
                NEW_YEAR,
                date(2011, 1, 1),
                date(2011, 1, 3),
                (date(2011, 1, 1),),
            ),
            # 二、春节：2月2日（农历除夕）至8日放假调休，共7天。1月30日（星期日）、2月12日（星期六）
            # 上班。
            Break(
                SPRING_FESTIVAL,
                date(2011, 2, 2),
                date(2011, 2, 8),
                (date(2011, 2, 2), date(2011, 2, 3), date(2011, 2, 4)),
            ),
            # 三、清明节：4月3日至5日放假调休，共3天。4月2日（星期六）上班。
            Break(
                QINGMING,
                date(2011, 4, 3),
                date(2011, 4, 5),
                (date(2011, 4, 5),),
            ),
            # 四、劳动节：4月30日至5月2日放假公休，共3天。
            Break(
                LABOUR_DAY,
                date(2011, 4, 30),
                date(2011, 5, 2),
                (date(2011, 5, 1),),
            ),
            # 五、端午节：6月4日至6日放假公休，共3天。
            Break(
                DRAGON_BOAT,
                date(2011, 6, 4),
                date(2011, 6, 6),
                (date(2011, 6, 6),),
            ),
            # 六、中秋节：9月10日至12日放假公休，共3天。
            Break(
                MID_AUTUMN,
                date(2011, 9, 10),
                date(2011, 9, 12),
                (date(2011, 9, 12),),
            ),
            # 七、国庆节：10月1日至7日放假调休，共7天。10月8日（星期六）、10月9日（星期日）上班。
            Break(
                NATIONAL_DAY,
                date(2011, 10, 1),
                date(2011, 10, 7),
                (date(2011, 10, 1), date(2011, 10, 2), date(2011, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2011, 1, 30),
            date(2011, 2, 12),
            date(2011, 4, 2),
            date(2011, 10, 8),
            date(2011, 10, 9),
        ),
        statutory_rule=RULE_2007,
    ),
    YearSchedule(
        year=2012,
        notice="国办发明电〔2011〕45号",
        title="国务院办公厅关于2012年部分节假日安排的通知",
        published=date(2011, 12, 5),
        breaks=(
            # 一、元旦：2012年1月1日至3日放假调休，共3天。2011年12月31日（星期六）上班。
            Break(
                NEW_YEAR,
                date(2012, 1, 1),
                date(2012, 1, 3),
                (date(2012, 1, 1),),
            ),
            # 二、春节：1月22日至28日放假调休，共7天。1月21日（星期六）、1月29日（星期日）上班。
            Break(
                SPRING_FESTIVAL,
                date(2012, 1, 22),
                date(2012, 1, 28),
                (date(2012, 1, 22), date(2012, 1, 23), date(2012, 1, 24)),
            ),
            # 三、清明节：4月2日至4日放假调休，共3天。3月31日（星期六）、4月1日（星期日）上班。
            Break(
                QINGMING,
                date(2012, 4, 2),
                date(2012, 4, 4),
                (date(2012, 4, 4),),
            ),
            # 四、劳动节：4月29日至5月1日放假调休，共3天。4月28日（星期六）上班。
            Break(
                LABOUR_DAY,
                date(2012, 4, 29),
                date(2012, 5, 1),
                (date(2012, 5, 1),),
            ),
            # 五、端午节：6月22日至24日放假公休，共3天。
            Break(
                DRAGON_BOAT,
                date(2012, 6, 22),
                date(2012, 6, 24),
                (date(2012, 6, 23),),
            ),
            # 六、中秋节、国庆节：9月30日至10月7日放假调休，共8天。9月29日（星期六）上班。
            Break(
                NATIONAL_DAY,
                date(2012, 9, 30),
                date(2012, 10, 7),
                (date(2012, 9, 30), date(2012, 10, 1), date(2012, 10, 2), date(2012, 10, 3)),
                also=(MID_AUTUMN,),
            ),
        ),
        makeup_working_days=(
            date(2011, 12, 31),
            date(2012, 1, 21),
            date(2012, 1, 29),
            date(2012, 3, 31),
            date(2012, 4, 1),
            date(2012, 4, 28),
            date(2012, 9, 29),
        ),
        statutory_rule=RULE_2007,
    ),
    YearSchedule(
        year=2013,
        notice="国办发明电〔2012〕33号",
        title="国务院办公厅关于2013年部分节假日安排的通知",
        published=date(2012, 12, 8),
        breaks=(
            # 一、元旦：1月1日至3日放假调休，共3天。1月5日（星期六）、1月6日（星期日）上班。
            Break(
                NEW_YEAR,
                date(2013, 1, 1),
                date(2013, 1, 3),
                (date(2013, 1, 1),),
            ),
            # 二、春节：2月9日至15日放假调休，共7天。2月16日（星期六）、2月17日（星期日）上班。
            Break(
                SPRING_FESTIVAL,
                date(2013, 2, 9),
                date(2013, 2, 15),
                (date(2013, 2, 9), date(2013, 2, 10), date(2013, 2, 11)),
            ),
            # 三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
            Break(
                QINGMING,
                date(2013, 4, 4),
                date(2013, 4, 6),
                (date(2013, 4, 4),),
            ),
            # 四、劳动节：4月29日至5月1日放假调休，共3天。4月27日（星期六）、4月28日（星期日）上班。
            Break(
                LABOUR_DAY,
                date(2013, 4, 29),
                date(2013, 5, 1),
                (date(2013, 5, 1),),
            ),
            # 五、端午节：6月10日至12日放假调休，共3天。6月8日（星期六）、6月9日（星期日）上班。
            Break(
                DRAGON_BOAT,
                date(2013, 6, 10),
                date(2013, 6, 12),
                (date(2013, 6, 12),),
            ),
            # 六、中秋节：9月19日至21日放假调休，共3天。9月22日（星期日）上班。
            Break(
                MID_AUTUMN,
                date(2013, 9, 19),
                date(2013, 9, 21),
                (date(2013, 9, 19),),
            ),
            # 七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
            Break(
                NATIONAL_DAY,
                date(2013, 10, 1),
                date(2013, 10, 7),
                (date(2013, 10, 1), date(2013, 10, 2), date(2013, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2013, 1, 5),
            date(2013, 1, 6),
            date(2013, 2, 16),
            date(2013, 2, 17),
            date(2013, 4, 7),
            date(2013, 4, 27),
            date(2013, 4, 28),
            date(2013, 6, 8),
            date(2013, 6, 9),
            date(2013, 9, 22),
            date(2013, 9, 29),
            date(2013, 10, 12),
        ),
        statutory_rule=RULE_2007,
    ),
    YearSchedule(
        year=2014,
        notice="国办发明电〔2013〕28号",
        title="国务院办公厅关于2014年部分节假日安排的通知",
        published=date(2013, 12, 11),
        breaks=(
            # 一、元旦：1月1日放假1天。
            Break(
                NEW_YEAR,
                date(2014, 1, 1),
                date(2014, 1, 1),
                (date(2014, 1, 1),),
            ),
            # 二、春节：1月31日至2月6日放假调休，共7天。1月26日（星期日）、2月8日（星期六）上班。
            Break(
                SPRING_FESTIVAL,
                date(2014, 1, 31),
                date(2014, 2, 6),
                (date(2014, 1, 31), date(2014, 2, 1), date(2014, 2, 2)),
            ),
            # 三、清明节：4月5日放假，4月7日（星期一）补休。
            Break(
                QINGMING,
                date(2014, 4, 5),
                date(2014, 4, 7),
                (date(2014, 4, 5),),
            ),
            # 四、劳动节：5月1日至3日放假调休，共3天。5月4日（星期日）上班。
            Break(
                LABOUR_DAY,
                date(2014, 5, 1),
                date(2014, 5, 3),
                (date(2014, 5, 1),),
            ),
            # 五、端午节：6月2日放假，与周末连休。
            Break(
                DRAGON_BOAT,
                date(2014, 5, 31),
                date(2014, 6, 2),
                (date(2014, 6, 2),),
            ),
            # 六、中秋节：9月8日放假，与周末连休。
            Break(
                MID_AUTUMN,
                date(2014, 9, 6),
                date(2014, 9, 8),
                (date(2014, 9, 8),),
            ),
            # 七、国庆节：10月1日至7日放假调休，共7天。9月28日（星期日）、10月11日（星期六）上班。
            Break(
                NATIONAL_DAY,
                date(2014, 10, 1),
                date(2014, 10, 7),
                (date(2014, 10, 1), date(2014, 10, 2), date(2014, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2014, 1, 26),
            date(2014, 2, 8),
            date(2014, 5, 4),
            date(2014, 9, 28),
            date(2014, 10, 11),
        ),
        statutory_rule=RULE_2013,
    ),
    YearSchedule(
        year=2015,
        notice="国办发明电〔2014〕28号",
        title="国务院办公厅关于2015年部分节假日安排的通知",
        published=date(2014, 12, 16),
        breaks=(
            # 一、元旦：1月1日至3日放假调休，共3天。1月4日（星期日）上班。
            Break(
                NEW_YEAR,
                date(2015, 1, 1),
                date(2015, 1, 3),
                (date(2015, 1, 1),),
            ),
            # 二、春节：2月18日至24日放假调休，共7天。2月15日（星期日）、2月28日（星期六）上班。
            Break(
                SPRING_FESTIVAL,
                date(2015, 2, 18),
                date(2015, 2, 24),
                (date(2015, 2, 19), date(2015, 2, 20), date(2015, 2, 21)),
            ),
            # 三、清明节：4月5日放假，4月6日（星期一）补休。
            Break(
                QINGMING,
                date(2015, 4, 5),
                date(2015, 4, 6),
                (date(2015, 4, 5),),
            ),
            # 四、劳动节：5月1日放假，与周末连休。
            Break(
                LABOUR_DAY,
                date(2015, 5, 1),
                date(2015, 5, 3),
                (date(2015, 5, 1),),
            ),
            # 五、端午节：6月20日放假，6月22日（星期一）补休。
            Break(
                DRAGON_BOAT,
                date(2015, 6, 20),
                date(2015, 6, 22),
                (date(2015, 6, 20),),
            ),
            # 国发明电〔2015〕1号：9月3日至5日调休放假，共3天。其中9月3日（星期四）放假，9月4日（星
            # 期五）调休，9月6日（星期日）上班。
            Break(
                VICTORY_DAY_2015,
                date(2015, 9, 3),
                date(2015, 9, 5),
                (date(2015, 9, 3),),
            ),
            # 六、中秋节：9月27日放假。
            Break(
                MID_AUTUMN,
                date(2015, 9, 27),
                date(2015, 9, 27),
                (date(2015, 9, 27),),
            ),
            # 七、国庆节：10月1日至7日放假调休，共7天。10月10日（星期六）上班。
            Break(
                NATIONAL_DAY,
                date(2015, 10, 1),
                date(2015, 10, 7),
                (date(2015, 10, 1), date(2015, 10, 2), date(2015, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2015, 1, 4),
            date(2015, 2, 15),
            date(2015, 2, 28),
            date(2015, 9, 6),
            date(2015, 10, 10),
        ),
        amendments=(
            Amendment(
                notice="国发明电〔2015〕1号",
                title="国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知",
                published=date(2015, 5, 13),
                summary=(
                    "Added a one-off day off on 3 Sep 2015 (Victory Day, 70th anniversary), "
                    "with 4 Sep taken in lieu and Sunday 6 Sep worked, giving 3-5 Sep off."
                ),
            ),
        ),
        statutory_rule=RULE_2013,
    ),
    YearSchedule(
        year=2016,
        notice="国办发明电〔2015〕18号",
        title="国务院办公厅关于2016年部分节假日安排的通知",
        published=date(2015, 12, 10),
        breaks=(
            # 一、元旦：1月1日放假，与周末连休。
            Break(
                NEW_YEAR,
                date(2016, 1, 1),
                date(2016, 1, 3),
                (date(2016, 1, 1),),
            ),
            # 二、春节：2月7日至13日放假调休，共7天。2月6日（星期六）、2月14日（星期日）上班。
            Break(
                SPRING_FESTIVAL,
                date(2016, 2, 7),
                date(2016, 2, 13),
                (date(2016, 2, 8), date(2016, 2, 9), date(2016, 2, 10)),
            ),
            # 三、清明节：4月4日放假，与周末连休。
            Break(
                QINGMING,
                date(2016, 4, 2),
                date(2016, 4, 4),
                (date(2016, 4, 4),),
            ),
            # 四、劳动节：5月1日放假，5月2日（星期一）补休。
            Break(
                LABOUR_DAY,
                date(2016, 5, 1),
                date(2016, 5, 2),
                (date(2016, 5, 1),),
            ),
            # 五、端午节：6月9日至11日放假调休，共3天。6月12日（星期日）上班。
            Break(
                DRAGON_BOAT,
                date(2016, 6, 9),
                date(2016, 6, 11),
                (date(2016, 6, 9),),
            ),
            # 六、中秋节：9月15日至17日放假调休，共3天。9月18日（星期日）上班。
            Break(
                MID_AUTUMN,
                date(2016, 9, 15),
                date(2016, 9, 17),
                (date(2016, 9, 15),),
            ),
            # 七、国庆节：10月1日至7日放假调休，共7天。10月8日（星期六）、10月9日（星期日）上班。
            Break(
                NATIONAL_DAY,
                date(2016, 10, 1),
                date(2016, 10, 7),
                (date(2016, 10, 1), date(2016, 10, 2), date(2016, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2016, 2, 6),
            date(2016, 2, 14),
            date(2016, 6, 12),
            date(2016, 9, 18),
            date(2016, 10, 8),
            date(2016, 10, 9),
        ),
        statutory_rule=RULE_2013,
    ),
    YearSchedule(
        year=2017,
        notice="国办发明电〔2016〕17号",
        title="国务院办公厅关于2017年部分节假日安排的通知",
        published=date(2016, 12, 1),
        breaks=(
            # 一、元旦：1月1日放假，1月2日（星期一）补休。
            Break(
                NEW_YEAR,
                date(2017, 1, 1),
                date(2017, 1, 2),
                (date(2017, 1, 1),),
            ),
            # 二、春节：1月27日至2月2日放假调休，共7天。1月22日（星期日）、2月4日（星期六）上班。
            Break(
                SPRING_FESTIVAL,
                date(2017, 1, 27),
                date(2017, 2, 2),
                (date(2017, 1, 28), date(2017, 1, 29), date(2017, 1, 30)),
            ),
            # 三、清明节：4月2日至4日放假调休，共3天。4月1日（星期六）上班。
            Break(
                QINGMING,
                date(2017, 4, 2),
                date(2017, 4, 4),
                (date(2017, 4, 4),),
            ),
            # 四、劳动节：5月1日放假，与周末连休。
            Break(
                LABOUR_DAY,
                date(2017, 4, 29),
                date(2017, 5, 1),
                (date(2017, 5, 1),),
            ),
            # 五、端午节：5月28日至30日放假调休，共3天。5月27日（星期六）上班。
            Break(
                DRAGON_BOAT,
                date(2017, 5, 28),
                date(2017, 5, 30),
                (date(2017, 5, 30),),
            ),
            # 六、中秋节、国庆节：10月1日至8日放假调休，共8天。9月30日（星期六）上班。
            Break(
                NATIONAL_DAY,
                date(2017, 10, 1),
                date(2017, 10, 8),
                (date(2017, 10, 1), date(2017, 10, 2), date(2017, 10, 3), date(2017, 10, 4)),
                also=(MID_AUTUMN,),
            ),
        ),
        makeup_working_days=(
            date(2017, 1, 22),
            date(2017, 2, 4),
            date(2017, 4, 1),
            date(2017, 5, 27),
            date(2017, 9, 30),
        ),
        statutory_rule=RULE_2013,
    ),
    YearSchedule(
        year=2018,
        notice="国办发明电〔2017〕12号",
        title="国务院办公厅关于2018年部分节假日安排的通知",
        published=date(2017, 11, 30),
        breaks=(
            # 一、元旦：1月1日放假，与周末连休。
            Break(
                NEW_YEAR,
                date(2017, 12, 30),
                date(2018, 1, 1),
                (date(2018, 1, 1),),
            ),
            # 二、春节：2月15日至21日放假调休，共7天。2月11日（星期日）、2月24日（星期六）上班。
            Break(
                SPRING_FESTIVAL,
                date(2018, 2, 15),
                date(2018, 2, 21),
                (date(2018, 2, 16), date(2018, 2, 17), date(2018, 2, 18)),
            ),
            # 三、清明节：4月5日至7日放假调休，共3天。4月8日（星期日）上班。
            Break(
                QINGMING,
                date(2018, 4, 5),
                date(2018, 4, 7),
                (date(2018, 4, 5),),
            ),
            # 四、劳动节：4月29日至5月1日放假调休，共3天。4月28日（星期六）上班。
            Break(
                LABOUR_DAY,
                date(2018, 4, 29),
                date(2018, 5, 1),
                (date(2018, 5, 1),),
            ),
            # 五、端午节：6月18日放假，与周末连休。
            Break(
                DRAGON_BOAT,
                date(2018, 6, 16),
                date(2018, 6, 18),
                (date(2018, 6, 18),),
            ),
            # 六、中秋节：9月24日放假，与周末连休。
            Break(
                MID_AUTUMN,
                date(2018, 9, 22),
                date(2018, 9, 24),
                (date(2018, 9, 24),),
            ),
            # 七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期六）、9月30日（星期日）上班。
            Break(
                NATIONAL_DAY,
                date(2018, 10, 1),
                date(2018, 10, 7),
                (date(2018, 10, 1), date(2018, 10, 2), date(2018, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2018, 2, 11),
            date(2018, 2, 24),
            date(2018, 4, 8),
            date(2018, 4, 28),
            date(2018, 9, 29),
            date(2018, 9, 30),
        ),
        statutory_rule=RULE_2013,
    ),
    YearSchedule(
        year=2019,
        notice="国办发明电〔2018〕15号",
        title="国务院办公厅关于2019年部分节假日安排的通知",
        published=date(2018, 12, 4),
        breaks=(
            # 一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。
            Break(
                NEW_YEAR,
                date(2018, 12, 30),
                date(2019, 1, 1),
                (date(2019, 1, 1),),
            ),
            # 二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。
            Break(
                SPRING_FESTIVAL,
                date(2019, 2, 4),
                date(2019, 2, 10),
                (date(2019, 2, 5), date(2019, 2, 6), date(2019, 2, 7)),
            ),
            # 三、清明节：4月5日放假，与周末连休。
            Break(
                QINGMING,
                date(2019, 4, 5),
                date(2019, 4, 7),
                (date(2019, 4, 5),),
            ),
            # 四、劳动节：5月1日放假[原通知]；国办发明电〔2019〕3号调整为：2019年5月1日至4日放假调休
            # ，共4天。4月28日（星期日）、5月5日（星期日）上班。
            Break(
                LABOUR_DAY,
                date(2019, 5, 1),
                date(2019, 5, 4),
                (date(2019, 5, 1),),
            ),
            # 五、端午节：6月7日放假，与周末连休。
            Break(
                DRAGON_BOAT,
                date(2019, 6, 7),
                date(2019, 6, 9),
                (date(2019, 6, 7),),
            ),
            # 六、中秋节：9月13日放假，与周末连休。
            Break(
                MID_AUTUMN,
                date(2019, 9, 13),
                date(2019, 9, 15),
                (date(2019, 9, 13),),
            ),
            # 七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
            Break(
                NATIONAL_DAY,
                date(2019, 10, 1),
                date(2019, 10, 7),
                (date(2019, 10, 1), date(2019, 10, 2), date(2019, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2018, 12, 29),
            date(2019, 2, 2),
            date(2019, 2, 3),
            date(2019, 4, 28),
            date(2019, 5, 5),
            date(2019, 9, 29),
            date(2019, 10, 12),
        ),
        amendments=(
            Amendment(
                notice="国办发明电〔2019〕3号",
                title="国务院办公厅关于调整2019年劳动节假期安排的通知",
                published=date(2019, 3, 22),
                summary=(
                    "Extended Labour Day from 1 May alone to 1-4 May 2019, with Sundays 28 "
                    "Apr and 5 May worked."
                ),
            ),
        ),
        statutory_rule=RULE_2013,
    ),
    YearSchedule(
        year=2020,
        notice="国办发明电〔2019〕16号",
        title="国务院办公厅关于2020年部分节假日安排的通知",
        published=date(2019, 11, 21),
        breaks=(
            # 一、元旦：2020年1月1日放假，共1天。
            Break(
                NEW_YEAR,
                date(2020, 1, 1),
                date(2020, 1, 1),
                (date(2020, 1, 1),),
            ),
            # 二、春节：1月24日至30日放假调休，共7天。1月19日（星期日）、2月1日（星期六）上班[原通知
            # ]；国办发明电〔2020〕1号：延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（
            # 星期一）起正常上班。
            Break(
                SPRING_FESTIVAL,
                date(2020, 1, 24),
                date(2020, 2, 2),
                (date(2020, 1, 25), date(2020, 1, 26), date(2020, 1, 27)),
            ),
            # 三、清明节：4月4日至6日放假调休，共3天。
            Break(
                QINGMING,
                date(2020, 4, 4),
                date(2020, 4, 6),
                (date(2020, 4, 4),),
            ),
            # 四、劳动节：5月1日至5日放假调休，共5天。4月26日（星期日）、5月9日（星期六）上班。
            Break(
                LABOUR_DAY,
                date(2020, 5, 1),
                date(2020, 5, 5),
                (date(2020, 5, 1),),
            ),
            # 五、端午节：6月25日至27日放假调休，共3天。6月28日（星期日）上班。
            Break(
                DRAGON_BOAT,
                date(2020, 6, 25),
                date(2020, 6, 27),
                (date(2020, 6, 25),),
            ),
            # 六、国庆节、中秋节：10月1日至8日放假调休，共8天。9月27日（星期日）、10月10日（星期六）
            # 上班。[注：中秋节为10月1日，与国庆节法定假日重合]
            Break(
                NATIONAL_DAY,
                date(2020, 10, 1),
                date(2020, 10, 8),
                (date(2020, 10, 1), date(2020, 10, 2), date(2020, 10, 3)),
                also=(MID_AUTUMN,),
            ),
        ),
        makeup_working_days=(
            date(2020, 1, 19),
            date(2020, 4, 26),
            date(2020, 5, 9),
            date(2020, 6, 28),
            date(2020, 9, 27),
            date(2020, 10, 10),
        ),
        amendments=(
            Amendment(
                notice="国办发明电〔2020〕1号",
                title="国务院办公厅关于延长2020年春节假期的通知",
                published=date(2020, 1, 26),
                summary=(
                    "Extended the Spring Festival break (COVID-19) to Sunday 2 Feb 2020, so "
                    "31 Jan-2 Feb became days off and the scheduled make-up working "
                    "Saturday 1 Feb 2020 no longer applied."
                ),
            ),
        ),
        statutory_rule=RULE_2013,
    ),
    YearSchedule(
        year=2021,
        notice="国办发明电〔2020〕27号",
        title="国务院办公厅关于2021年部分节假日安排的通知",
        published=date(2020, 11, 25),
        breaks=(
            # 一、元旦：2021年1月1日至3日放假，共3天。
            Break(
                NEW_YEAR,
                date(2021, 1, 1),
                date(2021, 1, 3),
                (date(2021, 1, 1),),
            ),
            # 二、春节：2月11日至17日放假调休，共7天。2月7日（星期日）、2月20日（星期六）上班。
            Break(
                SPRING_FESTIVAL,
                date(2021, 2, 11),
                date(2021, 2, 17),
                (date(2021, 2, 12), date(2021, 2, 13), date(2021, 2, 14)),
            ),
            # 三、清明节：4月3日至5日放假调休，共3天。
            Break(
                QINGMING,
                date(2021, 4, 3),
                date(2021, 4, 5),
                (date(2021, 4, 4),),
            ),
            # 四、劳动节：5月1日至5日放假调休，共5天。4月25日（星期日）、5月8日（星期六）上班。
            Break(
                LABOUR_DAY,
                date(2021, 5, 1),
                date(2021, 5, 5),
                (date(2021, 5, 1),),
            ),
            # 五、端午节：6月12日至14日放假，共3天。
            Break(
                DRAGON_BOAT,
                date(2021, 6, 12),
                date(2021, 6, 14),
                (date(2021, 6, 14),),
            ),
            # 六、中秋节：9月19日至21日放假调休，共3天。9月18日（星期六）上班。
            Break(
                MID_AUTUMN,
                date(2021, 9, 19),
                date(2021, 9, 21),
                (date(2021, 9, 21),),
            ),
            # 七、国庆节：10月1日至7日放假调休，共7天。9月26日（星期日）、10月9日（星期六）上班。
            Break(
                NATIONAL_DAY,
                date(2021, 10, 1),
                date(2021, 10, 7),
                (date(2021, 10, 1), date(2021, 10, 2), date(2021, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2021, 2, 7),
            date(2021, 2, 20),
            date(2021, 4, 25),
            date(2021, 5, 8),
            date(2021, 9, 18),
            date(2021, 9, 26),
            date(2021, 10, 9),
        ),
        statutory_rule=RULE_2013,
    ),
    YearSchedule(
        year=2022,
        notice="国办发明电〔2021〕11号",
        title="国务院办公厅关于2022年部分节假日安排的通知",
        published=date(2021, 10, 25),
        breaks=(
            # 一、元旦：2022年1月1日至3日放假，共3天。
            Break(
                NEW_YEAR,
                date(2022, 1, 1),
                date(2022, 1, 3),
                (date(2022, 1, 1),),
            ),
            # 二、春节：1月31日至2月6日放假调休，共7天。1月29日（星期六）、1月30日（星期日）上班。
            Break(
                SPRING_FESTIVAL,
                date(2022, 1, 31),
                date(2022, 2, 6),
                (date(2022, 2, 1), date(2022, 2, 2), date(2022, 2, 3)),
            ),
            # 三、清明节：4月3日至5日放假调休，共3天。4月2日（星期六）上班。
            Break(
                QINGMING,
                date(2022, 4, 3),
                date(2022, 4, 5),
                (date(2022, 4, 5),),
            ),
            # 四、劳动节：4月30日至5月4日放假调休，共5天。4月24日（星期日）、5月7日（星期六）上班。
            Break(
                LABOUR_DAY,
                date(2022, 4, 30),
                date(2022, 5, 4),
                (date(2022, 5, 1),),
            ),
            # 五、端午节：6月3日至5日放假，共3天。
            Break(
                DRAGON_BOAT,
                date(2022, 6, 3),
                date(2022, 6, 5),
                (date(2022, 6, 3),),
            ),
            # 六、中秋节：9月10日至12日放假，共3天。
            Break(
                MID_AUTUMN,
                date(2022, 9, 10),
                date(2022, 9, 12),
                (date(2022, 9, 10),),
            ),
            # 七、国庆节：10月1日至7日放假调休，共7天。10月8日（星期六）、10月9日（星期日）上班。
            Break(
                NATIONAL_DAY,
                date(2022, 10, 1),
                date(2022, 10, 7),
                (date(2022, 10, 1), date(2022, 10, 2), date(2022, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2022, 1, 29),
            date(2022, 1, 30),
            date(2022, 4, 2),
            date(2022, 4, 24),
            date(2022, 5, 7),
            date(2022, 10, 8),
            date(2022, 10, 9),
        ),
        statutory_rule=RULE_2013,
    ),
    YearSchedule(
        year=2023,
        notice="国办发明电〔2022〕16号",
        title="国务院办公厅关于2023年部分节假日安排的通知",
        published=date(2022, 12, 8),
        breaks=(
            # 一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。
            Break(
                NEW_YEAR,
                date(2022, 12, 31),
                date(2023, 1, 2),
                (date(2023, 1, 1),),
            ),
            # 二、春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。
            Break(
                SPRING_FESTIVAL,
                date(2023, 1, 21),
                date(2023, 1, 27),
                (date(2023, 1, 22), date(2023, 1, 23), date(2023, 1, 24)),
            ),
            # 三、清明节：4月5日放假，共1天。
            Break(
                QINGMING,
                date(2023, 4, 5),
                date(2023, 4, 5),
                (date(2023, 4, 5),),
            ),
            # 四、劳动节：4月29日至5月3日放假调休，共5天。4月23日（星期日）、5月6日（星期六）上班。
            Break(
                LABOUR_DAY,
                date(2023, 4, 29),
                date(2023, 5, 3),
                (date(2023, 5, 1),),
            ),
            # 五、端午节：6月22日至24日放假调休，共3天。6月25日（星期日）上班。
            Break(
                DRAGON_BOAT,
                date(2023, 6, 22),
                date(2023, 6, 24),
                (date(2023, 6, 22),),
            ),
            # 六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期
            # 日）上班。
            Break(
                NATIONAL_DAY,
                date(2023, 9, 29),
                date(2023, 10, 6),
                (date(2023, 9, 29), date(2023, 10, 1), date(2023, 10, 2), date(2023, 10, 3)),
                also=(MID_AUTUMN,),
            ),
        ),
        makeup_working_days=(
            date(2023, 1, 28),
            date(2023, 1, 29),
            date(2023, 4, 23),
            date(2023, 5, 6),
            date(2023, 6, 25),
            date(2023, 10, 7),
            date(2023, 10, 8),
        ),
        statutory_rule=RULE_2013,
    ),
    YearSchedule(
        year=2024,
        notice="国办发明电〔2023〕7号",
        title="国务院办公厅关于2024年部分节假日安排的通知",
        published=date(2023, 10, 25),
        breaks=(
            # 一、元旦：1月1日放假，与周末连休。
            Break(
                NEW_YEAR,
                date(2023, 12, 30),
                date(2024, 1, 1),
                (date(2024, 1, 1),),
            ),
            # 二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励
            # 各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。
            Break(
                SPRING_FESTIVAL,
                date(2024, 2, 10),
                date(2024, 2, 17),
                (date(2024, 2, 10), date(2024, 2, 11), date(2024, 2, 12)),
            ),
            # 三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
            Break(
                QINGMING,
                date(2024, 4, 4),
                date(2024, 4, 6),
                (date(2024, 4, 4),),
            ),
            # 四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
            Break(
                LABOUR_DAY,
                date(2024, 5, 1),
                date(2024, 5, 5),
                (date(2024, 5, 1),),
            ),
            # 五、端午节：6月10日放假，与周末连休。
            Break(
                DRAGON_BOAT,
                date(2024, 6, 8),
                date(2024, 6, 10),
                (date(2024, 6, 10),),
            ),
            # 六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
            Break(
                MID_AUTUMN,
                date(2024, 9, 15),
                date(2024, 9, 17),
                (date(2024, 9, 17),),
            ),
            # 七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
            Break(
                NATIONAL_DAY,
                date(2024, 10, 1),
                date(2024, 10, 7),
                (date(2024, 10, 1), date(2024, 10, 2), date(2024, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2024, 2, 4),
            date(2024, 2, 18),
            date(2024, 4, 7),
            date(2024, 4, 28),
            date(2024, 5, 11),
            date(2024, 9, 14),
            date(2024, 9, 29),
            date(2024, 10, 12),
        ),
        statutory_rule=RULE_2013,
    ),
    YearSchedule(
        year=2025,
        notice="国办发明电〔2024〕12号",
        title="国务院办公厅关于2025年部分节假日安排的通知",
        published=date(2024, 11, 12),
        breaks=(
            # 一、元旦：1月1日（周三）放假1天，不调休。
            Break(
                NEW_YEAR,
                date(2025, 1, 1),
                date(2025, 1, 1),
                (date(2025, 1, 1),),
            ),
            # 二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月2
            # 6日（周日）、2月8日（周六）上班。
            Break(
                SPRING_FESTIVAL,
                date(2025, 1, 28),
                date(2025, 2, 4),
                (date(2025, 1, 28), date(2025, 1, 29), date(2025, 1, 30), date(2025, 1, 31)),
            ),
            # 三、清明节：4月4日（周五）至6日（周日）放假，共3天。
            Break(
                QINGMING,
                date(2025, 4, 4),
                date(2025, 4, 6),
                (date(2025, 4, 4),),
            ),
            # 四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
            Break(
                LABOUR_DAY,
                date(2025, 5, 1),
                date(2025, 5, 5),
                (date(2025, 5, 1), date(2025, 5, 2)),
            ),
            # 五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
            Break(
                DRAGON_BOAT,
                date(2025, 5, 31),
                date(2025, 6, 2),
                (date(2025, 5, 31),),
            ),
            # 六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月
            # 11日（周六）上班。
            Break(
                NATIONAL_DAY,
                date(2025, 10, 1),
                date(2025, 10, 8),
                (date(2025, 10, 1), date(2025, 10, 2), date(2025, 10, 3), date(2025, 10, 6)),
                also=(MID_AUTUMN,),
            ),
        ),
        makeup_working_days=(
            date(2025, 1, 26),
            date(2025, 2, 8),
            date(2025, 4, 27),
            date(2025, 9, 28),
            date(2025, 10, 11),
        ),
        statutory_rule=RULE_2024,
    ),
    YearSchedule(
        year=2026,
        notice="国办发明电〔2025〕7号",
        title="国务院办公厅关于2026年部分节假日安排的通知",
        published=date(2025, 11, 4),
        breaks=(
            # 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
            Break(
                NEW_YEAR,
                date(2026, 1, 1),
                date(2026, 1, 3),
                (date(2026, 1, 1),),
            ),
            # 二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
            # 2月14日（周六）、2月28日（周六）上班。
            Break(
                SPRING_FESTIVAL,
                date(2026, 2, 15),
                date(2026, 2, 23),
                (date(2026, 2, 16), date(2026, 2, 17), date(2026, 2, 18), date(2026, 2, 19)),
            ),
            # 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
            Break(
                QINGMING,
                date(2026, 4, 4),
                date(2026, 4, 6),
                (date(2026, 4, 5),),
            ),
            # 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
            Break(
                LABOUR_DAY,
                date(2026, 5, 1),
                date(2026, 5, 5),
                (date(2026, 5, 1), date(2026, 5, 2)),
            ),
            # 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
            Break(
                DRAGON_BOAT,
                date(2026, 6, 19),
                date(2026, 6, 21),
                (date(2026, 6, 19),),
            ),
            # 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
            Break(
                MID_AUTUMN,
                date(2026, 9, 25),
                date(2026, 9, 27),
                (date(2026, 9, 25),),
            ),
            # 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周
            # 六）上班。
            Break(
                NATIONAL_DAY,
                date(2026, 10, 1),
                date(2026, 10, 7),
                (date(2026, 10, 1), date(2026, 10, 2), date(2026, 10, 3)),
            ),
        ),
        makeup_working_days=(
            date(2026, 1, 4),
            date(2026, 2, 14),
            date(2026, 2, 28),
            date(2026, 5, 9),
            date(2026, 9, 20),
            date(2026, 10, 10),
        ),
        statutory_rule=RULE_2024,
    ),
)
