import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { createApolloClient } from './app/apollo-client.ts';
import { App } from './app/app.tsx';
import { createRoutes } from './app/routes.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/print.css';

const client = createApolloClient();
const router = createBrowserRouter(createRoutes(client));
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

createRoot(root).render(
  <StrictMode>
    <App client={client} router={router} />
  </StrictMode>,
);
