import { expandCard, listTemplates, sampleData } from '../cards/expand';
for (const name of ['unanswered', 'taught']) {
  const ref = listTemplates().find((t) => t.feature === 'queries' && t.name === name)!;
  console.log(JSON.stringify(expandCard('queries', name, sampleData(ref))).slice(0, 1500));
}
