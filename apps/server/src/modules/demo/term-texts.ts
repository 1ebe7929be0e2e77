// Wording of the demo term's ledger: projects with checkable indicators (R-PROJECT), the unit's
// posts and departments (S1 §10), and what people write on a visit, an activity or a fund.
import type { RecordCategory } from '@pairing/shared';

export type ProjectIdea = {
  title: string;
  target: string;
  indicator: { description: string; unit: string; quantity: [number, number] };
  budget: [number, number];
};

export const projectIdeas: ProjectIdea[] = [
  {
    title: '村级党群服务站改造',
    target: '改造村党群服务站，满足党员学习、村民议事和便民服务需要',
    indicator: { description: '服务站改造完成并通过镇验收', unit: '平方米', quantity: [80, 200] },
    budget: [60, 150],
  },
  {
    title: '农田水利沟渠修缮',
    target: '修缮灌溉沟渠，保障粮食生产旱涝保收',
    indicator: { description: '修缮沟渠长度', unit: '公里', quantity: [1, 5] },
    budget: [80, 200],
  },
  {
    title: '村内道路硬化',
    target: '硬化村组道路，方便村民出行和农产品运输',
    indicator: { description: '硬化道路长度', unit: '公里', quantity: [1, 4] },
    budget: [100, 200],
  },
  {
    title: '特色农产品产销对接',
    target: '组织单位食堂和职工采购结对村农产品，拓宽销路',
    indicator: { description: '年度采购金额', unit: '万元', quantity: [20, 80] },
    budget: [30, 60],
  },
  {
    title: '村民就业技能培训',
    target: '开展电工、家政、电商等技能培训，帮助村民就近就业',
    indicator: { description: '培训人次', unit: '人次', quantity: [100, 300] },
    budget: [30, 80],
  },
  {
    title: '老年活动室适老化改造',
    target: '改造老年活动室，增设助餐和康复设施',
    indicator: { description: '受益老年人数', unit: '人', quantity: [80, 200] },
    budget: [50, 120],
  },
  {
    title: '河道整治与生态护岸',
    target: '清淤疏浚村内河道，建设生态护岸，改善人居环境',
    indicator: { description: '整治河道长度', unit: '公里', quantity: [1, 3] },
    budget: [100, 200],
  },
  {
    title: '垃圾分类投放点建设',
    target: '建设标准化垃圾分类投放点，推进农村生活垃圾分类',
    indicator: { description: '建成投放点', unit: '处', quantity: [6, 20] },
    budget: [30, 80],
  },
  {
    title: '村卫生室设备更新',
    target: '为村卫生室更新诊疗设备，方便村民就近看病',
    indicator: { description: '更新设备', unit: '台（套）', quantity: [10, 30] },
    budget: [40, 100],
  },
  {
    title: '睦邻点建设',
    target: '依托村民宅基地建设睦邻点，开展互助养老',
    indicator: { description: '建成睦邻点', unit: '个', quantity: [3, 8] },
    budget: [30, 90],
  },
  {
    title: '合作社冷链仓储建设',
    target: '为农民专业合作社建设冷库，延长农产品销售期',
    indicator: { description: '冷库容量', unit: '立方米', quantity: [200, 600] },
    budget: [120, 200],
  },
  {
    title: '村级光伏发电项目',
    target: '在村集体厂房屋顶建设光伏电站，增加村集体经济收入',
    indicator: { description: '装机容量', unit: '千瓦', quantity: [60, 200] },
    budget: [120, 200],
  },
];

/** Milestones of a project's progress, with the share of the indicator reached. */
export const milestones: Array<{ name: string; percent: number; share: number }> = [
  { name: '实施方案确定', percent: 20, share: 0 },
  { name: '主体工程（工作）过半', percent: 60, share: 0.5 },
  { name: '完工待验收', percent: 100, share: 1 },
];

type Posts = { principal: string; team: string[]; lead: string; member: string[] };

const posts: Record<string, Posts> = {
  企业: {
    principal: '党委书记、董事长',
    team: ['党委副书记、总经理', '党委委员、副总经理', '纪委书记'],
    lead: '党委副书记',
    member: ['党群工作部部长', '党群工作部主管'],
  },
  机关: {
    principal: '党组书记、局长',
    team: ['党组成员、副局长', '党组成员、副局长', '党组成员、总师'],
    lead: '机关党委书记',
    member: ['机关党委办公室主任', '机关党委办公室干部'],
  },
  社区街道: {
    principal: '党工委书记',
    team: ['党工委副书记、办事处主任', '党工委委员、副主任'],
    lead: '党工委副书记',
    member: ['党建办主任', '党建办干部'],
  },
  金融机构: {
    principal: '党委书记、行长',
    team: ['党委委员、副行长', '党委委员、副行长', '纪委书记'],
    lead: '党委副书记',
    member: ['党委办公室主任', '工会干部'],
  },
  default: {
    principal: '党委书记',
    team: ['党委副书记、院长（主任）', '党委委员、副院长（副主任）', '纪委书记'],
    lead: '党委副书记',
    member: ['党委办公室主任', '党委办公室干部'],
  },
};

export const postsOf = (unitType: string | null) => posts[unitType ?? ''] ?? posts.default;

const departments: Record<string, string> = {
  企业: '党群工作部',
  机关: '机关党委办公室',
  社区街道: '党建办公室',
  金融机构: '党委办公室',
  高等院校: '党委组织部',
  医疗卫生: '党委办公室',
};

export const departmentOf = (unitType: string | null) =>
  departments[unitType ?? ''] ?? '党委办公室';

/** What the village side is called in people's lists (named others). */
export const villagePosts = [
  '村党组织书记',
  '村委会主任',
  '村党组织副书记',
  '村委会委员',
  '村民小组长',
];

export const visitNarratives = [
  '走访结对村，听取村党组织关于年度工作和帮扶项目推进情况的汇报，实地察看项目现场。',
  '实地走访困难党员和困难群众，了解生产生活情况，送去慰问金和慰问品。',
  '与村“两委”班子座谈，共同研究下一阶段帮扶重点，协调解决项目推进中的困难。',
  '察看农田水利和村道建设情况，对照协议逐项梳理帮扶任务完成进度。',
  '走访村集体经济合作社，商议农产品产销对接和单位食堂采购事宜。',
];

export const visitPlaces = ['村党群服务站', '村委会会议室', '项目现场', '合作社', '困难群众家中'];

export const activityTexts: Record<
  Exclude<RecordCategory, 'other'>,
  { place: string; text: string }
> = {
  joint_meeting: {
    place: '村委会会议室',
    text: '召开结对共建联席会议，回顾上一年度帮扶工作，商定本年度共建事项和责任分工。',
  },
  work_plan: {
    place: '村委会会议室',
    text: '共同制定年度结对共建工作计划，明确帮扶项目、资金安排和时间节点。',
  },
  party_lesson: {
    place: '村党群服务站',
    text: '单位党委负责同志为村党员讲党课，围绕学习贯彻党的创新理论交流体会。',
  },
  culture_sports: {
    place: '村文化广场',
    text: '联合举办文艺演出和趣味运动会，丰富村民文化生活。',
  },
  volunteer_service: {
    place: '村党群服务站',
    text: '组织党员志愿者开展义诊、法律咨询、家电维修等为民服务。',
  },
  resident_visit: {
    place: '村民家中',
    text: '走访慰问困难党员、老党员和困难家庭，送去慰问金和生活用品。',
  },
  symposium: {
    place: '村委会会议室',
    text: '与村“两委”成员和党员代表座谈，听取对结对帮扶工作的意见建议。',
  },
  training: {
    place: '村党群服务站',
    text: '组织村干部和后备干部开展集体经济经营管理培训。',
  },
};

export const otherActivities = [
  {
    label: '助农直播',
    place: '合作社',
    text: '单位青年志愿者与村合作社联合开展助农直播，推介特色农产品。',
  },
  {
    label: '消费帮扶对接会',
    place: '单位食堂',
    text: '举办消费帮扶对接会，单位食堂与村合作社签订采购意向。',
  },
  { label: '青少年暑期活动', place: '村文化活动室', text: '为村留守儿童开展暑期科普和阅读活动。' },
];

export const weakFundPurposes = [
  '发展村级集体经济',
  '困难群众帮扶',
  '村级公益事业建设',
  '村级组织阵地建设',
];

export const inKindGoods = [
  '捐赠办公电脑和打印设备一批',
  '捐赠农用机械一批',
  '捐赠慰问物资一批',
  '捐赠健身器材一批',
];

export const fundUsePurposes = [
  '支付项目工程款',
  '采购项目设备材料',
  '发放困难群众慰问金',
  '村级活动阵地维修',
  '支付培训场地及教材费用',
];

export const objectionReasons = [
  '活动当天我村未接到通知，记录的参加人员与实际不符，请核实。',
  '记录的金额与我村收到的款项不一致，请核对收据。',
  '该次走访为上级检查陪同，不属于结对走访，请更正。',
  '记录日期有误，实际为下一周，请修改后重新提交。',
];

export const settlementNotes = {
  count: '经镇党委核实，活动确已开展，相关照片和签到材料齐全，予以计入。',
  reject: '经镇党委核实，记录与实际情况不符，不予计入，请据实重新记录。',
};
