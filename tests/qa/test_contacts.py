"""Contact details read from a report's text: the preamble's 联系方式 first, whole values, the kinds a question asks."""

from __future__ import annotations

from govqa.qa.contacts import asked_kinds, closing_kinds, contact_facts, facts_of

PREAMBLE = ("前言\n本报告由东岚县文旅局编制。本报告电子版可在东岚县人民政府网站（http://www.donglan.gov.cn/）查阅。"
            "如对本报告有疑问，请与东岚县文旅局办公室联系（联系地址：东岚县滨海大道 12 号行政中心 3 楼 302 室；"
            "邮 编：350999；电 话：0591—7654321；传真：0591-7654322；电子邮箱：dlwl2020＠163.com）。\n")
BODY = ("一、总体情况\n全年通过12345热线电话接听群众来电1820次，办公地址等信息及时更新。\n"
        "五、存在的主要问题及改进情况\n一是解读不够。二是更新不及时。\n"
        "六、其他需要报告的事项\n无。\n")


def _facts(kind: str, text: str = PREAMBLE + BODY) -> list[str]:
    return [f.value for f in facts_of(text, kind)]


def test_every_kind_is_read_whole_from_the_preamble() -> None:
    assert _facts("地址") == ["东岚县滨海大道 12 号行政中心 3 楼 302 室"]
    assert _facts("邮编") == ["350999"]
    assert _facts("电话") == ["0591—7654321"]  # dash as printed
    assert _facts("传真") == ["0591-7654322"]
    assert _facts("邮箱") == ["dlwl2020＠163.com"]
    assert _facts("网址") == ["http://www.donglan.gov.cn/"]


def test_a_hotline_in_the_body_is_no_office_phone() -> None:
    text = "前言\n本报告由东岚县文旅局编制。\n" + BODY
    assert _facts("电话", text) == []  # 12345热线电话接听…1820次: a count, not a number to call
    assert all(f.kind != "地址" for f in contact_facts(text))  # 办公地址等信息: a label with no address after it


def test_details_printed_in_the_closing_section() -> None:
    text = ("一、总体情况\n略。\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n本报告电子版可登录 http://www.xb.gov.cn 查阅。"
            "如有疑问请与县政务公开办公室\n\n联系（电话：0951—1234567，传真：0951—1234568）。\n")
    assert _facts("电话", text) == ["0951—1234567"]
    assert _facts("传真", text) == ["0951—1234568"]
    assert _facts("网址", text) == ["http://www.xb.gov.cn"]
    [fact] = facts_of(text, "电话")
    quoted = text[fact.quote_start:fact.quote_end]
    assert quoted.startswith("如有疑问") and quoted.endswith("）。")  # the whole sentence, not a fragment


def test_one_number_for_phone_and_fax_and_a_comma_before_the_address() -> None:
    text = "前言\n如有疑问可与镇党政办公室联系（联系地址，东岚镇新华路1号；电话/传真：0951-5551234）。\n一、总体情况\n略。"
    assert _facts("电话", text) == ["0951-5551234"] and _facts("传真", text) == ["0951-5551234"]
    assert _facts("地址", text) == ["东岚镇新华路1号"]


def test_asked_kinds() -> None:
    assert asked_kinds("东岚文旅局的办公室电话打哪个") == ("电话",)
    assert asked_kinds("地址和电话发我一下") == ("地址", "电话")
    assert asked_kinds("他们在哪里办公？") == ("地址",)
    assert asked_kinds("年报里留的电子邮件是什么") == ("邮箱",)
    assert asked_kinds("邮政编码多少") == ("邮编",)
    assert asked_kinds("门户网站的网址") == ("网址",)
    assert asked_kinds("怎么联系他们") == ("地址", "邮编", "电话", "传真", "邮箱")
    assert asked_kinds("12345热线接到多少件诉求") == ()  # a count, not a contact detail
    assert asked_kinds("门户网站发布了多少条信息") == ()
    assert asked_kinds("存在哪些问题") == ()


def test_a_bracketed_details_sentence_is_quoted_with_who_to_contact() -> None:
    text = "前言\n报告全文见区政府网站。如有疑问，请与区政府办公室联系。(地址:东岚区金水街 8 号;电话:0953-5551234)。\n一、总体情况\n略。"
    [fact] = facts_of(text, "电话")
    assert text[fact.quote_start:fact.quote_end] == "如有疑问，请与区政府办公室联系。(地址:东岚区金水街 8 号;电话:0953-5551234)。"


SIGNED = ("六、其他需要报告的事项\n本年度未收取信息处理费。\n东岚县文旅局\n2024年1月20日\n（联系人：周青禾，联系方式：0591-7650099）\n")


def test_the_contact_person_and_the_phone_beside_it_in_the_closing_lines() -> None:
    text = PREAMBLE + BODY.replace("六、其他需要报告的事项\n无。\n", "") + SIGNED
    [person] = facts_of(text, "联系人")
    assert person.value == "周青禾"
    assert _facts("电话", text) == ["0591—7654321"]  # the office's own number, from the preamble
    assert [f.value for f in facts_of(text, "电话", near=person.start)] == ["0591-7650099"]  # the person's
    assert [f.value for f in facts_of(text, "电话", closing=True)] == ["0591-7650099"]  # 末尾留的电话
    assert [f.value for f in facts_of(PREAMBLE + BODY, "电话", closing=True)] == ["0591—7654321"]  # none at the end
    assert closing_kinds(text) == ("联系人", "电话") and closing_kinds(PREAMBLE + BODY) == ()


def test_asked_kinds_for_a_person_and_the_closing_lines() -> None:
    from govqa.qa.contacts import asks_closing

    assert asked_kinds("报告最后留的联系人叫什么，手机号多少") == ("联系人", "电话")
    assert asked_kinds("经办人是谁") == ("联系人",)
    assert asks_closing("年报落款处的电话") and asks_closing("文末留的联系方式")
    assert not asks_closing("办公室电话是多少")


def test_a_web_address_is_no_street_address() -> None:
    assert asked_kinds("年报的下载地址是什么") == ("网址",)
    assert asked_kinds("电子版地址在哪") == ("网址",)
    assert asked_kinds("官网地址多少") == ("网址",)
    assert asked_kinds("办公地址和网站地址") == ("地址", "网址")
