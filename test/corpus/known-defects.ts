/**
 * Defects of the TODO Group blog (../shared/corpus/todogroup.org/content/en/blog)
 * listed by reading the posts, line by line, to serve as oracles: the README
 * states their counts, these lists say where each one is.
 */

/** The 17 bare URLs (README: "17 bare URLs"): file, line, and the URL as GFM ends it (a closing `)` or `.` is not part of it). */
export const BARE_URLS: [file: string, line: number, url: string][] = [
  ['2024-steering-committee.md', 57, 'https://opensource.porsche.com/'],
  ['announcing-ospo-survey-2021.md', 20, 'https://linuxfoundation.surveymonkey.com/r/OSPO21'],
  ['announcing-ospo-survey-2021.md', 21, 'https://linuxfoundation.surveymonkey.com/r/OSPO21?lang=ja'],
  ['announcing-ospo-survey-2021.md', 22, 'https://linuxfoundation.surveymonkey.com/r/OSPO21?lang=zh'],
  ['announcing-ospo-survey-2021.md', 24, 'https://github.com/todogroup/survey'],
  ['celebrating-our-mindmap-contributors.md', 23, 'https://github.com/todogroup/ospology/pull/150'],
  ['celebrating-our-mindmap-contributors.md', 23, 'https://github.com/todogroup/ospology/pull/283'],
  ['how-can-ospo-accelerate-innovation-and-digital-transformation.md', 131, 'https://github.com/todogroup/governance/blob/master/OSPO-Associate-Program.md'],
  ['new-framework-in-person-ospo-workshops.md', 65, 'https://ospomindmap.todogroup.org/'],
  ['open-source-case-studies-autodesk.md', 45, 'https://autodesk.github.io/'],
  ['open-source-case-studies-dropbox.md', 64, 'https://opensource.dropbox.com/'],
  ['open-source-guides.md', 25, 'https://github.com/todogroup/guides'],
  ['open-source-program-management-tools.md', 50, 'https://zalando.github.io'],
  ['ospo-layoffs-todo-support.md', 16, 'https://github.com/todogroup/job-descriptions'],
  ['sample-job-req.md', 13, 'https://textio.com/talent/'],
  ['shutting-down-an-open-source-project.md', 127, 'https://github.com/twitter-archive'],
  ['todo-steering-committee-2022.md', 83, 'https://fossforge.com'],
];

/**
 * What an alt text that describes nothing is: a file name with its extension, words
 * joined as in a file name, a camera's or an upload's name, a placeholder, a design
 * tool's name for a new file, a bare number, or words run together.
 */
export type PoorAlt = 'file' | 'joined' | 'camera' | 'placeholder' | 'tool' | 'number' | 'run-together';

/**
 * Every alt text of the blog that is a file name, a default or a placeholder: 52 of
 * the 96 images, read one by one (file, line, column of the alt text, the alt, what it
 * is). The README counts 47 such alts; reading them gives 52 (the README's list
 * gives only examples, so which five it left out cannot be told).
 */
export const POOR_ALTS: [file: string, line: number, column: number, alt: string, kind: PoorAlt][] = [
  ['2023-state-of-ospo.md', 16, 3, 'OSPO-SURVEY-KEYFINDINGS', 'joined'],
  ['2024-steering-committee.md', 109, 3, 'generalmemebrs2024todo', 'joined'],
  ['2025-ospo-survey.md', 10, 3, '2025-OSPO-Survey_emailheader', 'joined'],
  ['2026-05-15-ospo-event-visit-vivo.md', 7, 3, 'vivo-1.png', 'file'],
  ['2026-05-15-ospo-event-visit-vivo.md', 43, 3, 'vivo-2.png', 'file'],
  ['2026-05-15-ospo-event-visit-vivo.md', 51, 3, 'vivo-3.png', 'file'],
  ['2026-05-15-ospo-event-visit-vivo.md', 79, 3, 'vivo-4.png', 'file'],
  ['2026-07-20-lessons-from-industry-leading-ospo.md', 78, 3, 'lessons_ospo', 'joined'],
  ['End-of-Year-2024.md', 13, 3, '54156549708_59b2bdd121_c', 'camera'],
  ['End-of-Year-2024.md', 21, 3, 'impact_challenge', 'joined'],
  ['End-of-Year-2024.md', 36, 3, 'security_AI_insights', 'joined'],
  ['End-of-Year-2024.md', 65, 3, 'image4', 'placeholder'],
  ['Lifecycle-of-an-OSPO.md', 12, 3, 'Figure_1', 'placeholder'],
  ['Lifecycle-of-an-OSPO.md', 33, 3, 'Figure_5', 'placeholder'],
  ['OSSummit-Japan-Keynote-Summary.md', 11, 3, 'ossummitjapan-ospokeynote-1', 'joined'],
  ['OSSummit-Japan-Keynote-Summary.md', 45, 3, 'ossummitjapan-ospokeynote-2', 'joined'],
  ['OSSummit-Japan-Keynote-Summary.md', 53, 3, 'ossummitjapan-ospokeynote-3', 'joined'],
  ['ambassador-shu.md', 16, 3, 'image', 'placeholder'],
  ['bof-kubecon-india.md', 11, 3, 'Diseño sin título', 'tool'],
  ['end-of-year-sc-review.md', 36, 3, 'ospologulive2023innumbers', 'joined'],
  ['industry-academic-ospo.md', 9, 3, 'Figure_1', 'placeholder'],
  ['launch-2024-ospo-survey.md', 7, 3, 'osposurvey7 (1)', 'joined'],
  ['open-source-case-studies-capitalone.md', 13, 3, 'image alt text', 'placeholder'],
  ['open-source-case-studies-capitalone.md', 59, 3, 'image alt text', 'placeholder'],
  ['open-source-case-studies-capitalone.md', 74, 3, 'image alt text', 'placeholder'],
  ['ospo-book-2024-roadmap.md', 22, 3, 'ospo-book-2024roadmap', 'joined'],
  ['ospo-mind-map-2-release.md', 47, 3, 'ospomindmapv20', 'joined'],
  ['ospology-apeldoorn-summary.md', 12, 3, 'IMG_5630', 'camera'],
  ['ospologylive-netherlands-2023.md', 15, 3, 'ospologylivenetherlands-banner', 'joined'],
  ['ospologylive-netherlands-2023.md', 61, 3, 'img2(1)', 'placeholder'],
  ['ospologylive-report.md', 12, 3, 'ospologyliveamsgroupphoto', 'run-together'],
  // An HTML <img>: the alt attribute's value.
  ['ospologylive-report.md', 92, 23, 'image001', 'placeholder'],
  ['ospologylive-report.md', 108, 3, 'specialthanksto', 'run-together'],
  ['oss-and-ai-ospo-role.md', 9, 3, 'image1', 'placeholder'],
  ['sc-elections-2025.md', 10, 3, '2025candidates_social', 'joined'],
  ['sc-elections-2026.md', 11, 3, 'image1', 'placeholder'],
  ['sc-elections-2026.md', 45, 3, 'image1', 'placeholder'],
  ['state-of-ospo-2024.md', 17, 3, 'TODO Group_The 2024 State of OSPOs and OSS Initiatives 2024 Infographic_Open Source Maintainers Inforgraphic -11(1)', 'joined'],
  ['state-of-ospo-2024.md', 22, 3, 'TODO Group_The 2024 State of OSPOs and OSS Initiatives 2024 Infographic_Open Source Maintainers Inforgraphic -12(1)', 'joined'],
  ['state-of-ospo-2024.md', 27, 3, 'TODO Group_The 2024 State of OSPOs and OSS Initiatives 2024 Infographic_Open Source Maintainers Inforgraphic -5(1)', 'joined'],
  ['state-of-ospo-2024.md', 36, 3, 'TODO Group_The 2024 State of OSPOs and OSS Initiatives 2024 Infographic_Open Source Maintainers Inforgraphic -4', 'joined'],
  ['state-of-ospo-2024.md', 50, 3, 'TODO Group_The 2024 State of OSPOs and OSS Initiatives 2024 Infographic_Open Source Maintainers Inforgraphic -10', 'joined'],
  ['steering-committee-2023.md', 65, 3, 'steering-committee', 'joined'],
  ['steering-committee-2025-members.md', 8, 3, 'SC2025NEW', 'joined'],
  ['steering-committee-2025-members.md', 51, 3, 'SC2025poll_result', 'joined'],
  ['todo-at-osseu-2025.md', 9, 3, 'Figure_1', 'placeholder'],
  ['todo-member-hitachi.md', 19, 3, 'overvirewospohitachi', 'run-together'],
  ['todo-sc-ama-ossna25.md', 10, 3, '1750779722682', 'number'],
  ['todogroup-strategic-goals-2026.md', 67, 3, 'Alt Text', 'placeholder'],
  ['tracks-for-oss-managers-in-organizations.md', 12, 3, 'ossummitviennabanner-2024', 'joined'],
  ['updates-and-resources-ospologylive2023.md', 31, 3, 'organizing-team-ospologylive', 'joined'],
  ['welcome-new-generalmember.md', 13, 3, 'CAICT-logo', 'joined'],
];
