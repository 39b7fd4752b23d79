/** Three small documents in three formats, with people, places and organisations to find. */
import type { DropFile } from './driver';

export const NOTES_TXT: DropFile = {
  name: 'curie-notes.txt',
  type: 'text/plain',
  text: [
    'Marie Curie was born in Warsaw in 1867. She moved to Paris to study physics at the University of Paris.',
    'In Paris she met Pierre Curie, and together they discovered polonium and radium.',
    'Marie Curie received the Nobel Prize in Physics in 1903 and the Nobel Prize in Chemistry in 1911.',
  ].join('\n\n'),
};

export const LAB_MD: DropFile = {
  name: 'radium-institute.md',
  type: 'text/markdown',
  text: [
    '# The Radium Institute',
    '',
    'The Radium Institute was founded in Paris in 1909 by the University of Paris and the Pasteur Institute.',
    '',
    '## People',
    '',
    '- Marie Curie led the physics and chemistry laboratory.',
    '- Irene Joliot-Curie, her daughter, later worked at the institute with Frederic Joliot.',
    '',
    'During the war, Marie Curie organised mobile radiography units for the French army.',
  ].join('\n'),
};

export const PEOPLE_CSV: DropFile = {
  name: 'scientists.csv',
  type: 'text/csv',
  text: [
    'name,city,institution,field',
    'Marie Curie,Warsaw,University of Paris,physics',
    'Albert Einstein,Berlin,Prussian Academy of Sciences,physics',
    'Lise Meitner,Vienna,Kaiser Wilhelm Institute,chemistry',
  ].join('\n'),
};

export const THREE_FILES: readonly DropFile[] = [NOTES_TXT, LAB_MD, PEOPLE_CSV];
