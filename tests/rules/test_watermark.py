import pytest

from conftest import lint_text, seed

REPORT_BODY = (
    "某局述职报告\n\n现将工作情况报告如下：\n\n一、主要工作\n\n{body}\n\n二、存在的问题\n\n学习不够深入。\n\n"
    "三、下一步打算\n\n加强学习。\n"
)


def wm(text, path="doc.txt"):
    return lint_text(text, select=["watermark"], path=path)


@pytest.mark.parametrize("line", [
    "【哒哒素材库】——每天更新材料1000多篇内部高质量素材",
    "酷乐文行整理，咨询QQ206157060",
    "仅供学习 禁止外传 用后删除",
    "会员群：                      免费QQ群：",
    "本文由热心网友投稿，仅供参考",
    "下载文档后可编辑",
    "更多精品范文请访问本站",
    "扫码关注获取更多材料",
    "添加客服：cwk",
])
def test_advert_lines_anywhere(line):
    text = REPORT_BODY.format(body="推进各项工作落实。\n" + line)
    fs = wm(text)
    assert len(fs) == 1
    f = fs[0]
    assert f.line == 8 and f.column == 1 and f.end_column == len(line.rstrip()) + 1
    # the fix deletes the whole line with its line end
    assert f.fix == {"line": 8, "column": 1, "end_line": 9, "end_column": 1, "replacement": ""}


@pytest.mark.parametrize("body", [
    "通过单位微信公众号推送学习内容。",
    "在机关微信群分享学习内容，组织交流。",
    "新发展工会会员20名。",
    "组织党员下载“学习强国”APP，坚持每日学习。",
    "会员单位共计30家。",
    "建立宣传素材库，丰富宣传载体。",
])
def test_body_mentions_are_not_adverts(body):
    assert wm(REPORT_BODY.format(body=body)) == []


def test_marker_inside_a_line_is_reported_alone():
    text = REPORT_BODY.format(body="本##paidbegin##人带头学习文件精神。")
    (f,) = wm(text)
    assert (f.line, f.column, f.end_column) == (7, 2, 15)
    assert f.fix["replacement"] == "" and f.fix["end_line"] == 7


def test_marker_glued_to_a_heading_keeps_the_heading():
    text = "述职报告\n一、主要工作\n##paidbegin##（二）紧盯理论学习\n一是精心谋划。\n"
    (f,) = wm(text)
    assert (f.line, f.column, f.end_column) == (3, 1, 14)
    from lint import document, parser
    report = parser.parse(document.from_text(text))
    assert [(h.level, h.marker, h.text) for h in report.headings()] == [(1, "一、", "主要工作"),
                                                                     (2, "（二）", "紧盯理论学习")]


def test_unmarked_lines_in_an_advert_block_after_the_end():
    text = REPORT_BODY.format(body="推进工作。") + "\n某某文库\n自建平台、实时分享\n咨询QQ123456789\n"
    fs = wm(text)
    assert [f.line for f in fs] == [17, 18, 19]


def test_a_short_closing_line_without_advert_neighbours_is_kept():
    text = REPORT_BODY.format(body="推进工作。") + "\n述职人：张三\n2023年12月30日\n"
    assert wm(text) == []


def test_report_clauses_next_to_an_advert_block_are_kept():
    # a clause of the report (it ends in ；) glued under a trailing advert is not part of it
    text = REPORT_BODY.format(body="推进工作。") + "【哒哒素材库】——每天更新材料\n学用结合还有差距；\n"
    fs = wm(text)
    assert [f.line for f in fs] == [16]


def test_a_clause_repeated_at_both_ends_is_not_a_header_and_footer():
    clause = "理论学习不够深入；"
    body = "\n".join(["推进工作。"] * 8)
    text = f"某局述职报告\n{clause}\n一、主要工作\n{body}\n{clause}\n"
    assert wm(text) == []
    # the same short line without its clause mark reads as a running header and footer
    assert [f.line for f in wm(text.replace(clause, "某某文库"))] == [2, 12]


def test_seed_000_adverts():
    fs = wm(seed("000").read_text(encoding="utf-8"))
    assert [f.line for f in fs] == [1, 26, 27, 28, 29]
    # the site's number of this sample after the title: 2023年…述职报告（2）
    assert (fs[0].column, fs[0].end_column, fs[0].message) == (17, 20, "合集序号残留「（2）」")


def test_seed_001_header_and_footer_blocks():
    fs = wm(seed("001").read_text(encoding="utf-8"))
    assert [f.line for f in fs] == [1, 2, 3, 6, 29, 30, 31, 32, 33, 34, 35, 36]


def test_seed_002_and_004_markers():
    fs = wm(seed("002").read_text(encoding="utf-8"))
    assert [(f.line, f.column, f.end_column) for f in fs] == [(7, 1, 14), (21, 1, 12)]
    fs = wm(seed("004").read_text(encoding="utf-8"))
    assert [(f.line, f.column, f.end_column) for f in fs] == [(5, 73, 86), (18, 1, 12)]
    line5 = seed("004").read_text(encoding="utf-8").splitlines()[4]
    assert line5[71:86] == "本##paidbegin##人"


@pytest.mark.parametrize("body", [
    "严格执行保密制度，涉密文件严禁外传。",
    "开通政务服务客服电话：12345，实行全天候人工接听。",
    "引导群众扫码关注“政务发布”公众号，及时获取政策信息。",
    "依法打击倒卖车票等违法行为，维护运输秩序。",
    "系统数据每日更新，确保底数清、情况明。",
    "建立党员交流群：每月开展线上学习；",
])
def test_advert_phrases_in_report_prose_are_left_alone(body):
    assert wm(REPORT_BODY.format(body=body)) == []


@pytest.mark.parametrize("line", [
    "涉密材料 严禁外传",
    "添加客服：cwk",
    "扫码关注，获取更多精品材料",
    "【打击倒卖会员资料】举报有奖",
])
def test_the_same_phrases_on_an_advert_line_are_flagged(line):
    text = REPORT_BODY.format(body="推进各项工作落实。\n" + line)
    assert [f.line for f in wm(text)] == [8]


# --- the kinds of site debris on real pages (tests/corpus has their sources) -------------------

REPORT = "某局述职报告\n\n现将工作情况报告如下：\n\n一、主要工作\n\n{body}\n\n二、存在的问题\n\n学习不够深入。\n\n" \
         "三、下一步打算\n\n加强学习。\n"


@pytest.mark.parametrize("line, kind", [
    ("优秀的述职报告是一种展示绩效的机会,以下是尚华范文网小编精心为您推荐的教师述职报告8篇,供大家参考。", "网站导语残留"),
    ("请欣赏驻村书记述职报告(精选6篇),由笔构网整理,希望能够帮助到大家。", "网站导语残留"),
    ("導語:市長在黨建職責述職工作會發言一文來源于網友上傳,不代表本站觀點,歡迎參考。", "网站导语残留"),
    ("银行客户经理年度工作总结_第1页", "文库页面残留"),
    ("已阅读5页,还剩5页未读 继续免费阅读", "文库页面残留"),
    ("已閱讀5頁(yè),還剩21頁(yè)未讀, 繼續(xù)免費(fèi)閱讀", "文库页面残留"),
    ("版权说明:本文档由用户提供并上传,收益归属内容提供方,若内容存在侵权,请进行举报或认领", "文库页面残留"),
    ("- 4、该文档为VIP文档,如果想要下载,成为VIP会员后,下载免费。", "文库页面残留"),
    ("文档简介", "文库页面残留"),
    ("当前位置:首页 > 范文大全 > 写作素材", "网页元素残留"),
    ("时间:2023-03-06 15:58:06", "网页元素残留"),
    ("来源:静海区人民政府办公室 发布时间:2024-03-28 09:18", "网页元素残留"),
    ("- 上一篇:在当选某区人大常委会主任时的讲话", "网页元素残留"),
    ("评论列表(0条)", "网页元素残留"),
    ("浏览量:34", "网页元素残留"),
    ("述職報告范文 | 述職報告開頭結尾 | 述職報告模板 | 述職報告格式 | 個人述職報告", "网页元素残留"),
    ("图片来源于网络，如有侵权联系删除", "版权声明残留"),
    ("转载请注明出处", "版权声明残留"),
    ("津ICP备16000864号", "版权声明残留"),
    ("年度护士长述职报告6篇", "合集标题残留"),
    ("银行经理年度工作总结(精选9篇)", "合集标题残留"),
    ("小学学校校长述职报告范文锦集八篇", "合集标题残留"),
    ("HI,欢迎来到好期刊网,发表咨询:400-888-9411 订阅咨询:400-888-1571", "广告残留"),
    ("澳门威尼斯人官网注册送88元", "垃圾信息残留"),
    ("学校工作计划【范例4篇】", "合集标题残留"),
    ("2023年学校开学工作计划安排部署(优质10篇)", "合集标题残留"),
    ("【导读】阿拉题库网友为您分享整理的“学校工作计划【范例4篇】”工作范文资料,供您参考学习", "网站导语残留"),
    ("您的位置首页百科词条", "网页元素残留"),
    ("• 信息索引号:", "网页元素残留"),
    ("250人看过", "网页元素残留"),
    ("第1页共3页", "网页元素残留"),
    ("欢迎光临 绿色圃中小学教育网 (http://lspjy.com/) Powered by Discuz! X3.2", "网页元素残留"),
    ("網絡文化經營許可證 鄂網文", "版权声明残留"),
    # held-out pages of 2026-11-26 (tests/corpus/cases/e*): a doc site's header and paywall widget
    ("ID:905684", "文库页面残留"),
    ("上传者:曹czj", "文库页面残留"),
    ("付费阅读", "文库页面残留"),
    ("年度会员", "文库页面残留"),
    ("此内容为付费阅读,请付费后查看", "付费墙残留"),
    ("首  页 要闻动态 专项活动 党纪党规 审查调查 巡察工作 调查研究 警钟长鸣", "网页元素残留"),
    ("海东·纪检监察·民心网", "网页元素残留"),
    ("优秀的报告都具备一些什么特点呢?下面我就给大家讲一讲,我们一起来了解一下吧。", "网站导语残留"),
    ("最新幼儿园园长年终述职报告大全", "合集标题残留"),
    # and of the second held-out round (tests/corpus/cases/f*): fake Q&A pages, doc-site labels
    ("此处内容需要权限查看", "付费墙残留"),
    ("问题描述:", "网页元素残留"),
    ("最佳答案", "网页元素残留"),
    ("学校食堂安全自查报告,卡到崩溃,求给个解决方法!", "网页元素残留"),
    ("小学食品安全自查报告(自查自纠报告),求路过的神仙指点,急急急!", "网页元素残留"),
    ("| 浏览次数:", "网页元素残留"),
    ("查字典范文网 >> 2009年市政协委员述职活动情况报告", "网页元素残留"),
    ("小编:", "网页元素残留"),
    ("文本内容:", "文库页面残留"),
    ("腾讯文库2024年镇委建设项目推进工作方案", "文库页面残留"),
    ("政治定力方面存在的问题4篇", "合集标题残留"),
    ("[导读] 提高教育教学质量始终是一切教育理念的落脚点和归宿点。", "网站导语残留"),
    # held-out pages (rounds g, h): a 文库's labels and wall, a government page's empty
    # counters, a tag bar, a writing site's slogans, gambling and adult-site SEO lines
    ("全文预览已结束", "文库页面残留"),  # https://cornels.cn (全文預(yù)覽已結(jié)束)
    ("资源描述", "文库页面残留"),
    ("下载 相关 举报", "文库页面残留"),
    ("访问量:", "网页元素残留"),
    ("关联稿件:", "网页元素残留"),
    ("标签: #乡镇", "网页元素残留"),
    ("优秀实用范文分享", "广告残留"),
    ("AI写作助手", "广告残留"),
    ("城管局副局长述职报告范文五篇-欧洲杯买球平台", "垃圾信息残留"),
    ("亚洲一区亚洲二区亚洲三区,国产成人高清在线,久久久精品成人免费看", "垃圾信息残留"),
    # rounds i and j
    ("因篇幅问题不能全部显示,请点此查看更多更全内容", "文库页面残留"),  # https://m.zgxue.com/wenku/ahgd/G6rNR9N26D
    ("前言:中文期刊网精心挑选了村委会工作报告范文供你参考和学习,欢迎阅读。", "网站导语残留"),  # https://baywatch.cn/haowen/91119.html
    ("《销售经理年终述职模板通稿》由会员上传分享,免费在线阅读", "网站导语残留"),  # https://m.wenku365.com/p-7335760.html
    ("大小:32.29 KB", "文库页面残留"),
    ("页数:32页", "文库页面残留"),
    ("学校食堂食品安全自查报告范文,卡到怀疑人生,求给个解法!", "网页元素残留"),  # http://zixun.wx1990.com/jxfw/202506/277561.html
    ("银行分行年度工作总结 第1篇", "合集标题残留"),  # https://99xueshu.com/w/filen0cyf29c.html
    ("总结网工作总结年度工作总结内容页", "网页元素残留"),  # https://m.zongjiew.com/gongzuozongjie/153734.html
    ("发布者微信", "网页元素残留"),  # http://zhaojiaoan.com/article/00732/6517.html
])
def test_each_kind_of_debris_line_has_its_message(line, kind):
    (f,) = wm(REPORT.format(body="推进各项工作落实。\n" + line))
    assert (f.line, f.column) == (8, 1) and f.message.startswith(kind + "：")
    assert f.fix == {"line": 8, "column": 1, "end_line": 9, "end_column": 1, "replacement": ""}


@pytest.mark.parametrize("line, debris, kind", [
    ("加强学习……此处隐藏20613个字……提高认识。", "……此处隐藏20613个字……", "付费墙残留"),
    ("现在,我……(新文秘网省略854字,正式会员可完整阅读)", "……(新文秘网省略854字,正式会员可完整阅读)", "付费墙残留"),
    ("加强学习[nextpage]提高认识。", "[nextpage]", "付费墙残留"),
    ("述职报告就是陈述性文案。 i( j( e7 Z2 {! |0 K", "i( j( e7 Z2 {! |0 K", "防采集乱码"),
    ("# L* n6 Q% ^* `$ j8 f/ d 1.首部。主要包括标题。", "# L* n6 Q% ^* `$ j8 f/ d", "防采集乱码"),
    ("增强自身的'责任感。", "'", "网站标签残留"),
    ("增强自身的`责任感。", "`", "网站标签残留"),
    ("增强自身的'责任感，做好“三农”工作。", "'", "网站标签残留"),
    ("班子成员履职尽责，召...", "...", "付费墙残留"),
    ("【部门工作总结】4、这样的总结，才能有所反思。", "【部门工作总结】", "网站标签残留"),
    ("学校工作计划 篇1为贯彻上级要求，制定本计划。", " 篇1", "网站标签残留"),
    # https://www.refanwen.com (d001): a site's name in the middle of a duty list
    ("负责四年级的教室房屋、论文网学生安全。", "论文网", "网站标签残留"),
    ("德,是指思想政治素质等方面的360问答表现。", "360问答", "网站标签残留"),
    ("会员免费查看总体来说,此次专项整治活动取得了阶段性成果。", "会员免费查看", "付费墙残留"),
    # https://www.gaozihui.com: a site's name and address after a heading or a paragraph
    ("一、工作进展 稿子汇 www.gaozihui.com", "稿子汇 www.gaozihui.com", "网站名称残留"),
    ("提高了护理效率。 公文汇 www.gongwenhui.com", "公文汇 www.gongwenhui.com", "网站名称残留"),
    # a casino's name put where a place name stood
    ("“99贵宾会 莲藕”获央视宣传推介", "99贵宾会", "网站名称残留"),
    # https://m.777doc.com/doc-6065981.html
    ("全县创森工作会议上的主持词[标签:介绍]同志们:现在开会。", "[标签:介绍]", "网站标签残留"),
    # a piece's title with its marker: only the marker, not the line (a title ending 第1篇 is)
    ("学校工作计划【第一篇】", "【第一篇】", "合集序号残留"),
])
def test_debris_inside_a_line_is_reported_alone(line, debris, kind):
    (f,) = wm(REPORT.format(body=line))
    start = line.index(debris)
    assert (f.line, f.column, f.end_column) == (7, start + 1, start + len(debris) + 1)
    assert f.message.startswith(kind) and f.fix["replacement"] == "" and f.fix["end_line"] == 7


def test_a_word_split_against_filters():
    # http://www.hfabiao.com (d024): 共-产-党
    line = "我---年加入中国共-产-党、----年到支行工作。"
    fs = wm(REPORT.format(body=line))
    assert [line[f.column - 1:f.end_column - 1] for f in fs] == ["-", "-"]


@pytest.mark.parametrize("title, number", [
    ("年度银行客户经理工作总结 篇1", " 篇1"),
    ("家乡调研报告1", "1"),
    ("2023年抓基层党建工作述职报告（2）", "（2）"),
    ("第1篇 班主任老师的述职报告", "第1篇"),
])
def test_the_number_of_a_report_in_a_collection(title, number):
    text = f"{title}\n\n现将工作情况报告如下：\n\n一、主要工作\n\n内容。\n"
    (f,) = wm(text)
    assert f.message.startswith("合集序号残留") and f.line == 1
    assert title[f.column - 1: f.end_column - 1] == number


@pytest.mark.parametrize("line", [
    "全年撰写调研报告3篇，在省级刊物发表论文2篇。",
    "以上意见，供大家参考。",
    "2. 撰写信息简报12篇",
    "时间：2023年5月10日上午",
    "本人撰写的《XX工作总结》获评优秀。",
    "通过“学习强国”平台学习，积分居全局前列。",
    "调用 std::sort 与 a,b,c 三个参数。",
    "公式为 x + y = z 时成立。",
    "第一篇 发展基础",
    "作为单位公众号小编，全年推送稿件200篇。",
    "缺一不可，分工明确。",
    "一.村卫生室基本情况",
    "等等……",
    "按2023年工作计划1月份完成。",
    "在中国论文网发表文章两篇。",  # a site named as a site
    "中共产业园区工委",
    "加入中国共产党。",
    "在“学习强国”平台学习，年度会员积分排名第一。",
    "推行付费阅读等新业务，全年增收20万元。",
    "上传者身份核验后方可发布信息。",
    "会上，大家一起来谈谈下一步的打算。",
    "编印《安全生产知识大全》，发放到各班组。",
    "登录人民网·强国论坛网，参加在线访谈。",
    "窗口在线等候时间缩短30%。",
    "寻求高手指导，提升业务能力。",
    "问题描述要准确，整改措施要具体。",
    "梳理政治方面存在的问题4个，整改措施12条。",
    "全年浏览次数:12万次。",
    # https://wengzun.com/zhuantifanwen/zhenxingxiangzhen/11143.html: quotes opened with ' and
    # closed with a curly mark are the report's quotes, however wrongly paired
    "2022年以来, *镇锚定'两个确保“,围绕'九大战略“,实施'1222“工作布局",
    "2021 年度全市信访工作'四无”乡镇",
    ",全面贯彻落实'疫情要防住、经济要稳住、发展要安全“的工作要求",
    "在贵宾会客室接待来访群众。",
    "为学校购买球拍20副。",
    "请登录 浙江政务服务网 www.zjzwfw.gov.cn",
    "网址：www.example.com",
    "成人教育招生300人，推进国产化替代。",
    "标签：每件档案都贴上标签。",
    "门户网站访问量：全年120万次。",
    "以下是资源描述的要求。",
    "因篇幅所限，本报告只列举主要工作。",
    "现将有关情况整理如下，供您参考。",
    "3.优化门户网站首页和内容页",
])
def test_report_sentences_that_look_a_little_like_debris_are_left_alone(line):
    assert wm(REPORT.format(body=line)) == []


def test_debris_is_not_read_as_the_report():
    # a doc-site notice numbered like an item, a collection title above the title
    text = ("2024学校工作年度总结精选8篇\n\n2024学校工作年度总结\n\n"
            "- 1、本文档由用户上传,淘文库整理发布,可阅读全部内容。\n\n一、主要工作\n\n共XX人。\n")
    from conftest import default_pack
    from lint import document, engine

    linter = engine.Linter(default_pack())
    report = linter.read(document.from_text(text))
    assert report.title.line == 3 and report.profile == "工作总结"
    assert [h.text for h in report.headings()] == ["主要工作"]
    fs = lint_text(text)
    assert [(f.line, f.rule) for f in fs if f.rule in ("watermark", "placeholder")] == [
        (1, "watermark"), (5, "watermark"), (9, "placeholder")]


def test_lines_above_the_title_that_are_not_the_report():
    text = ("可可简历网\n\n1 1 1\n\n党支部书记述职报告\n\n党支部书记述职报告\n\n各位领导：\n\n"
            "一、主要工作\n\n内容。\n")
    assert [(f.line, f.message.split("：")[0]) for f in wm(text)] == [
        (1, "标题前的网页残留"), (3, "标题前的网页残留"), (5, "网页标题或摘要的重复")]
    # the title's own first half, the issuing unit and 附件 stay
    text = "附件2\n\n中共某某县委组织部\n2023年度\n述职报告\n\n一、主要工作\n\n内容。\n"
    assert wm(text) == []


def test_a_site_summary_or_a_cut_off_copy_above_the_text():
    summary = "在全县专题研讨班结业仪式上的讲话用心用爱用功答好强县之问以良好的精神状态奋力开创强县事业新"
    text = f"{summary}\n在全县专题研讨班结业仪式上的讲话\n同志们：\n县不图强，必有远忧。\n"
    assert [(f.line, f.message.split("：")[0]) for f in wm(text)] == [(1, "网页标题或摘要的重复")]


def test_a_page_flattened_into_one_line_loses_only_the_debris_sentence():
    body = "忙碌而充实的一年过去了。" * 20
    line = "述职报告" + body + "下面是小编整理的述职报告，希望能够帮助到大家。" + body
    (f,) = wm(line + "\n")
    assert f.message.startswith("网站导语残留") and not f.fix["end_line"] == 2
    assert line[f.column - 1: f.end_column - 1] == "下面是小编整理的述职报告，希望能够帮助到大家。"


def test_chunk_numbers_of_a_doc_sharing_site():
    chunk = "乡镇2023年工作要点。" * 30
    text = f"1、{chunk}\n2、,80%左右的村民{chunk}\n3、余元，协调工程2个。\n"
    assert [(f.line, f.column, f.end_column) for f in wm(text)] == [(1, 1, 3), (2, 1, 3), (3, 1, 3)]
    # a real list: short items
    assert wm("工作计划\n1、加强学习。\n2、改进作风。\n3、严守纪律。\n") == []


def test_a_doc_sites_summary_that_differs_from_the_text_only_in_spaces():
    # https://docs.qq.com (tests/corpus/cases/f029): the page title, the site's summary, the text
    title = "2024年社区文明创建工作总结"
    summary = title + "一、工作回顾2023年,我们社区文明创建工作在严格落实中央和地方政策要求的基础上取得了显著"
    text = title + " 一、工作回顾 2023年,我们社区文明创建工作在严格落实中央和地方政策要求的基础上取得了显著成效。"
    fs = wm(f"{title}\n{summary}\n{text}\n")
    assert [f.line for f in fs] == [1, 2] and all("网页标题或摘要的重复" in f.message for f in fs)
