/** Small real documents for ingestion tests (public-domain prose, formats made in code). */
export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
export const file = (name: string, body: string | Uint8Array) => ({ name, bytes: typeof body === 'string' ? enc(body) : body });

export const CURIE = `Marie Curie was born in Warsaw in 1867. She studied physics at the University of Paris.
Curie discovered polonium and radium with Pierre Curie. The Nobel Prize in Physics was awarded to Marie Curie in 1903.
Later she founded the Radium Institute in Paris, where physicians studied radiation therapy for patients.`;

export const DARWIN = `Charles Darwin sailed on HMS Beagle to the Galapagos Islands. Darwin observed finches on each island.
He published On the Origin of Species in London in 1859. The theory of natural selection explained how species adapt.`;

export const SHARED_PARIS = `Paris is the capital of France. The Louvre in Paris holds the Mona Lisa.
Many scientists worked in Paris, including Marie Curie.`;

export const MARKDOWN = `# Lighthouses of Brittany

The **Phare du Créac'h** on Ouessant guides ships through the Iroise Sea.

- Built in 1863
- Keepers lived on the island until 1990

Brittany has more lighthouses than any other region of France.`;

export const CSV = `city,country,population
Lyon,France,522000
Porto,Portugal,232000
Ghent,Belgium,263000`;

export const HTML = `<!doctype html><html><head><title>Glaciers</title><style>p{color:red}</style><script>alert(1)</script></head>
<body><h1>Glaciers of Iceland</h1><p>Vatnajökull is the largest glacier in Iceland. Scientists from the University of Iceland measure its retreat every year.</p></body></html>`;
