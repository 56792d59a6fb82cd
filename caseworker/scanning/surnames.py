"""Surnames (姓氏): the first character of a name the recogniser reads is weighed against
them. A first character outside this list that the recogniser read only a little more
surely than a surname in it (逢 for 逄, 益 for 盖, 纂 for 綦) is taken as that surname and
marked corrected.

The list: the single-character surnames of China's ~300 most frequent, with the ones
common in Shandong and rare elsewhere (亓 逄 禚 鞠 隋 栾 衣 綦 郗 牟 盖 仉 矫 丛 战 …).
Characters that are surnames only rarely and are the recogniser's usual misreadings of
one here (逢, 元, 都) are deliberately left out."""

from __future__ import annotations

#: the most frequent surnames in China, about the first 300 (most frequent first)
COMMON = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余"
    "于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫阎"
    "段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄樊葛牛齐单解仇"
    "查区朴乐欧温耿关兰申焦左俞倪柳鲁聂房殷岳翟滕纪褚甘祝骆苗毕詹路安裴卜包蒙盛凌邢祁"
    "宁童尚霍成伍阮宫麦党瞿符谷景卓项蓝舒梅米池晏季桂冉涂管费储鲍司穆窦明宗喻仲邬燕柏"
    "巩吉连靳应芦伏杭荣冷邝花匡尤姬艾屈商谈刁时昌滑廉邸衡阚车边封卞楚全佟习和华虞娄麻"
    "冀郎练庞薄钮茅扈邴闵阴栗东苟辜凡丰农游揭郁晋闻危佘桑贝寇乌强门平展宿原幸桓惠井戚"
    "权官员漆奚束上官欧阳司马诸葛"
    # more of the first few hundred
    "颜章曲迟柴翁岑卫甄鹿逯国由位尉於宣冼芮蔺厉禹晁巫简饶敖缪粟"
    "郜钦祖"
)
#: common in Shandong, rare elsewhere
SHANDONG = "亓逄禚鞠隋栾衣綦郗牟盖仉矫丛战修荆相初慕蒲苑臧宫谭纪"

SURNAMES = frozenset(COMMON + SHANDONG)
