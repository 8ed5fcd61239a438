// The API guide for developers: the same guide as the README's "Use the API", from one module
// (@jin/site/api-guide), with each example's GraphQL document and curl commands.

import { SERVER_PATHS } from '@jin/site';
import { API_GUIDE, type ApiExample, GUIDE_INTRO } from '@jin/site/api-guide';
import { curlCommand } from '@jin/site/api-guide/curl';
import { useDocumentMeta } from '../../lib/use-document-meta.ts';

/** The guide's plain text, with `code` in backticks shown as code. */
function Text({ text }: { text: string }) {
  let at = 0;
  return text.split('`').map((part, i) => {
    // Keyed by where the part starts in the text, which no re-render changes.
    const start = at;
    at += part.length + 1;
    return i % 2 === 1 ? <code key={start}>{part}</code> : part;
  });
}

function Example({ example }: { example: ApiExample }) {
  return (
    <section className="api-example" aria-labelledby={example.id}>
      <h3 id={example.id}>{example.title}</h3>
      <p>
        <Text text={example.text} />
      </p>
      <p className="code-label">GraphQL</p>
      <pre className="code-block" data-kind="graphql">
        <code>{example.document}</code>
      </pre>
      {example.variables && (
        <>
          <p className="code-label">Variables</p>
          <pre className="code-block" data-kind="variables">
            <code>{JSON.stringify(example.variables, null, 2)}</code>
          </pre>
        </>
      )}
      <p className="code-label">With curl</p>
      <pre className="code-block" data-kind="curl">
        <code>{curlCommand(example)}</code>
      </pre>
    </section>
  );
}

export function DevelopersRoute() {
  useDocumentMeta(
    'Use the API',
    'How to read the archive over GraphQL: paging, filters, search, errors, limits and caching, with working examples.',
  );
  const [lede = '', ...intro] = GUIDE_INTRO;
  return (
    <div className="page api-guide">
      <div className="page-head">
        <p className="kicker">For developers</p>
        <h1>Use the API</h1>
        <p className="lede">
          <Text text={lede} />
        </p>
        {intro.map((text) => (
          <p key={text}>
            <Text text={text} />
          </p>
        ))}
        <p>
          Try queries in the <a href={SERVER_PATHS.explorer}>API explorer</a>, which knows the whole
          schema.
        </p>
      </div>
      <nav className="api-guide-contents" aria-label="On this page">
        <ul className="link-list">
          {API_GUIDE.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {API_GUIDE.map((section) => (
        <section key={section.id} className="api-guide-section" aria-labelledby={section.id}>
          <h2 id={section.id}>{section.title}</h2>
          {section.paragraphs.map((text) => (
            <p key={text}>
              <Text text={text} />
            </p>
          ))}
          {section.table && (
            <div className="table-wrap">
              <table className="api-guide-table">
                <thead>
                  <tr>
                    <th scope="col">{section.table.columns[0]}</th>
                    <th scope="col">{section.table.columns[1]}</th>
                  </tr>
                </thead>
                <tbody>
                  {section.table.rows.map(([name, meaning]) => (
                    <tr key={name}>
                      <th scope="row">
                        <code>{name}</code>
                      </th>
                      <td>
                        <Text text={meaning} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {section.examples.map((example) => (
            <Example key={example.id} example={example} />
          ))}
        </section>
      ))}
    </div>
  );
}
